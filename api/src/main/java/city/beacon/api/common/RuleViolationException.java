package city.beacon.api.common;

/** A command is well-formed but breaks a business rule (e.g. cancelling without a reason); HTTP 400/422. */
public class RuleViolationException extends RuntimeException {
    private final String field;

    public RuleViolationException(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
