package city.beacon.web.sensor;

import java.time.Instant;

/**
 * What became of one reading. {@code result} ACCEPTED, or REJECTED with a {@code reason}: MALFORMED,
 * UNKNOWN_SENSOR, NOT_A_NUMBER, UNIT_MISMATCH, OUT_OF_PHYSICAL_RANGE, IN_THE_FUTURE, DUPLICATE.
 */
public record ReadingOutcome(int index, String sensorId, Instant at, String result, String reason, String detail) {
    public static final String ACCEPTED = "ACCEPTED";
    public static final String REJECTED = "REJECTED";

    public static ReadingOutcome accepted(Reading r) {
        return new ReadingOutcome(r.index(), r.sensorId(), r.at(), ACCEPTED, null, null);
    }

    public static ReadingOutcome rejected(Reading r, String reason, String detail) {
        return new ReadingOutcome(r.index(), r.sensorId(), r.at(), REJECTED, reason, detail);
    }

    public boolean isAccepted() {
        return ACCEPTED.equals(result);
    }
}
