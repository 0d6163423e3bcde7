package city.beacon.infra.cap;

/**
 * A CAP message Beacon will not take: not XML, against the schema, or meaningless to Beacon. {@code field} is the
 * element path below {@code alert}, e.g. {@code info/urgency} (null when the message as a whole is at fault).
 */
public class CapViolation extends RuntimeException {
    private final String field;

    public CapViolation(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
