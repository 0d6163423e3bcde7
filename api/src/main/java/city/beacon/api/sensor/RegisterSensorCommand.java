package city.beacon.api.sensor;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Registers a sensor, or changes its definition. The same definition again changes nothing, so configuration can
 * be applied at every start-up, by every node.
 */
public record RegisterSensorCommand(@TargetAggregateIdentifier SensorId sensorId, SensorDefinition definition) {
}
