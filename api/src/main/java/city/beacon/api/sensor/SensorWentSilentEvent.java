package city.beacon.api.sensor;

import java.time.Duration;
import java.time.Instant;

public record SensorWentSilentEvent(SensorId sensorId, Instant lastReadingAt, Duration silentAfter,
                                    Instant detectedAt) {
}
