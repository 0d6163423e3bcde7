package city.beacon.api.sensor;

import java.time.Instant;

public record SensorAlarmClearedEvent(SensorId sensorId, SensorReading reading, Instant clearedAt) {
}
