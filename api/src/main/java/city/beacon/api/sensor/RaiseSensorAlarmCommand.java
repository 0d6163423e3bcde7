package city.beacon.api.sensor;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * A reading broke a threshold. Raising an alarm that is already raised changes nothing.
 * @param threshold the value broken (units, or units per minute for RATE); @param deviation signed fraction of the
 *                  nominal value, e.g. -0.45 for 45 % below normal
 */
public record RaiseSensorAlarmCommand(@TargetAggregateIdentifier SensorId sensorId, SensorReading reading,
                                      BreachKind breach, double threshold, double deviation) {
}
