package city.beacon.saga.response;

import city.beacon.api.incident.Severity;

/** The RAISE_SEVERITY step: one level up, never above EXTREME. */
final class SeverityEscalation {
    private SeverityEscalation() { }

    /** @return the next severity, or null when already EXTREME. UNKNOWN is planned as MODERATE, so it rises to SEVERE. */
    static Severity oneLevelAbove(Severity severity) {
        return switch (severity) {
            case MINOR -> Severity.MODERATE;
            case UNKNOWN, MODERATE -> Severity.SEVERE;
            case SEVERE -> Severity.EXTREME;
            case EXTREME -> null;
        };
    }
}
