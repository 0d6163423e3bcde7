package city.beacon.api.incident;

/**
 * CAP 1.2 severity. China's four emergency levels map onto it: Ⅰ级 red = EXTREME, Ⅱ级 orange = SEVERE,
 * Ⅲ级 yellow = MODERATE, Ⅳ级 blue = MINOR.
 */
public enum Severity {
    UNKNOWN(0),
    MINOR(1),
    MODERATE(2),
    SEVERE(3),
    EXTREME(4);

    private final int rank;

    Severity(int rank) {
        this.rank = rank;
    }

    public boolean isHigherThan(Severity other) {
        return rank > other.rank;
    }
}
