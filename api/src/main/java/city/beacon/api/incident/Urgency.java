package city.beacon.api.incident;

/** CAP 1.2 urgency. */
public enum Urgency {
    IMMEDIATE,
    EXPECTED,
    FUTURE,
    PAST,
    UNKNOWN
}
