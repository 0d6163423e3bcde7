package city.beacon.api.incident;

import java.util.EnumSet;
import java.util.Set;

/** The incident lifecycle of DESIGN §2. */
public enum IncidentStatus {
    REPORTED,
    CONFIRMED,
    RESPONDING,
    CONTAINED,
    RESOLVED,
    CLOSED,
    CANCELLED,
    MERGED;

    private static final Set<IncidentStatus> ENDED = EnumSet.of(CLOSED, CANCELLED, MERGED);

    /** Closed, cancelled or merged: nothing more happens to it. */
    public boolean hasEnded() {
        return ENDED.contains(this);
    }
}
