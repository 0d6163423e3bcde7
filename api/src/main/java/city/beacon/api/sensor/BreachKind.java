package city.beacon.api.sensor;

/** Which threshold a reading broke. */
public enum BreachKind {
    LOW,
    HIGH,
    RATE
}
