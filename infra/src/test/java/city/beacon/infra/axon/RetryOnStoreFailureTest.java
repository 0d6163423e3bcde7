package city.beacon.infra.axon;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.EventMessageHandler;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.timeout.AxonTimeoutException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A handler that did not get to do its work must fail its batch, so the processor handles the event again from its
 * stored token; only a handler's own bug is logged and skipped. Found by CrashUnderLoadIT: a processor restarted
 * while its worker waited on a busy store had the event interrupted, logged and skipped for good.
 */
class RetryOnStoreFailureTest {
    private static final EventMessage<?> EVENT = GenericEventMessage.asEventMessage("an event");
    private static final EventMessageHandler HANDLER = event -> null;
    private final RetryOnStoreFailure errors = new RetryOnStoreFailure(failure -> failure instanceof StoreGone);

    @Test
    void aHandlerInterruptedByAProcessorShutdownFailsTheBatch() {
        var interrupted = new InterruptedException("Message [an event] for handler [IncidentProjection] was "
                + "interrupted");
        assertThatThrownBy(() -> errors.onError(interrupted, EVENT, HANDLER)).isSameAs(interrupted);
    }

    @Test
    void aStoreCallInterruptedInsideAHandlerFailsTheBatch() {
        var wrapped = new IllegalStateException("bulk write failed",
                new com.mongodb.MongoInterruptedException("interrupted waiting for a connection", null));
        assertThatThrownBy(() -> errors.onError(wrapped, EVENT, HANDLER)).isSameAs(wrapped);
    }

    @Test
    void aHandlerThatTimedOutFailsTheBatch() {
        var timeout = new AxonTimeoutException("Message [an event] for handler [KpiProjection] has timed out");
        assertThatThrownBy(() -> errors.onError(timeout, EVENT, HANDLER)).isSameAs(timeout);
    }

    @Test
    void anUnreachableStoreFailsTheBatch() {
        var gone = new StoreGone();
        assertThatThrownBy(() -> errors.onError(gone, EVENT, HANDLER)).isSameAs(gone);
    }

    @Test
    void aHandlersOwnBugIsLoggedAndTheProcessorMovesOn() {
        assertThatCode(() -> errors.onError(new IllegalArgumentException("a poisoned event"), EVENT, HANDLER))
                .doesNotThrowAnyException();
    }

    private static final class StoreGone extends RuntimeException {
    }
}
