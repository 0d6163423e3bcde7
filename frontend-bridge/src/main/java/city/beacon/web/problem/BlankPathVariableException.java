package city.beacon.web.problem;

/** A path variable (an id, a department code) is empty or only whitespace; HTTP 400 naming the variable. */
public class BlankPathVariableException extends RuntimeException {
    private final String variable;

    public BlankPathVariableException(String variable) {
        super(variable + " is required");
        this.variable = variable;
    }

    public String variable() {
        return variable;
    }
}
