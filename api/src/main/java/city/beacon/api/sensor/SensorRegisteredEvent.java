package city.beacon.api.sensor;

import java.time.Instant;

public record SensorRegisteredEvent(SensorId sensorId, SensorDefinition definition, Instant registeredAt) {
}
