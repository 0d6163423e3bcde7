package city.beacon.api.sensor;

import java.time.Instant;

/** A registered sensor's thresholds, location or owner changed; the new definition applies from now on. */
public record SensorRedefinedEvent(SensorId sensorId, SensorDefinition definition, Instant redefinedAt) {
}
