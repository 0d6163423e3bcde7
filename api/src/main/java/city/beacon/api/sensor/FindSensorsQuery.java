package city.beacon.api.sensor;

/** Every registered sensor, by id; answers a list of {@link SensorView}. */
public record FindSensorsQuery() {
}
