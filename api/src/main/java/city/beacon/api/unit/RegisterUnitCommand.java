package city.beacon.api.unit;

import city.beacon.api.common.Department;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Adds a unit to a department's resources. Registering a unit that exists changes nothing, so configuration can be
 * applied at every start-up, by every node.
 * @param kind e.g. FIRE_ENGINE, AMBULANCE; @param name how the console shows it
 */
public record RegisterUnitCommand(@TargetAggregateIdentifier UnitId unitId, Department department, String kind,
                                  String name) {
}
