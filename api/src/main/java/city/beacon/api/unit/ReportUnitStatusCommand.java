package city.beacon.api.unit;

import city.beacon.api.common.Actor;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** @param status EN_ROUTE or ON_SCENE while serving a task; OUT_OF_SERVICE or back to AVAILABLE while free */
public record ReportUnitStatusCommand(@TargetAggregateIdentifier UnitId unitId, UnitStatus status, String note,
                                      Actor by) {
}
