package city.beacon.api.incident;

/** CAP 1.2 certainty. */
public enum Certainty {
    OBSERVED,
    LIKELY,
    POSSIBLE,
    UNLIKELY,
    UNKNOWN
}
