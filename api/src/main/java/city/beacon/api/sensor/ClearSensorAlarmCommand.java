package city.beacon.api.sensor;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Readings are back in the normal band. Clearing a sensor not in alarm changes nothing. */
public record ClearSensorAlarmCommand(@TargetAggregateIdentifier SensorId sensorId, SensorReading reading) {
}
