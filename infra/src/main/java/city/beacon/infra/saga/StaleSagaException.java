package city.beacon.infra.saga;

import org.axonframework.common.AxonTransientException;

/**
 * A saga's state was saved by someone else (another node) after this copy was loaded: saving it would overwrite the
 * newer state with a stale one. Failing the unit of work makes its processor (or the deadline job) handle the message
 * again on freshly loaded state.
 */
public class StaleSagaException extends AxonTransientException {

    public StaleSagaException(String sagaIdentifier, long expectedVersion) {
        super("saga " + sagaIdentifier + " changed since it was loaded at version " + expectedVersion
                + "; the message is handled again on its current state");
    }
}
