package city.beacon.api.sensor;

import java.time.Instant;

/** A registered sensor as the registry read model knows it. */
public record SensorView(String id, SensorDefinition definition, boolean inAlarm, String incidentId,
                         Instant changedAt, long version) {
}
