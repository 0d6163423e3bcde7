package city.beacon.api.sensor;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/**
 * No reading since {@code lastReadingAt} (null: never any). Reporting the same silence again changes nothing, so
 * every node's watch may report it.
 */
public record ReportSensorSilentCommand(@TargetAggregateIdentifier SensorId sensorId, Instant lastReadingAt) {
}
