package city.beacon.api.sensor;

import java.time.Instant;

/** One measured value. Readings are not events; only the ones that change a sensor's state travel in one. */
public record SensorReading(double value, String unit, Instant at) {
}
