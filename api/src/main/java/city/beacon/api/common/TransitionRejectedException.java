package city.beacon.api.common;

/**
 * A command asked for a change the current state does not allow. Names the state and the attempted action
 * so the operator learns why, and maps to HTTP 409.
 */
public class TransitionRejectedException extends RuntimeException {
    private final String subject;
    private final String currentState;
    private final String action;

    public TransitionRejectedException(String subject, String currentState, String action) {
        super(subject + " is " + currentState + "; cannot " + action);
        this.subject = subject;
        this.currentState = currentState;
        this.action = action;
    }

    public String subject() {
        return subject;
    }

    public String currentState() {
        return currentState;
    }

    public String action() {
        return action;
    }
}
