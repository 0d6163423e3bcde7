package city.beacon.infra.axon;

import city.beacon.web.problem.StoreFailures;
import com.mongodb.MongoInterruptedException;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.EventMessageHandler;
import org.axonframework.eventhandling.ListenerInvocationErrorHandler;
import org.axonframework.eventhandling.LoggingErrorHandler;
import org.axonframework.messaging.timeout.AxonTimeoutException;

import java.io.InterruptedIOException;

/**
 * What an event handler's failure does to its processor. Axon's default logs it and moves on, which is right for a
 * handler bug (one poisoned event must not stop a read model) but wrong when the handler never got to do its work:
 * the event would be missing from that read model for good. So these fail the batch, and the processor keeps its
 * token and handles the event again:
 * <ul>
 *   <li>the store was unreachable;</li>
 *   <li>the handler was interrupted or timed out before it finished — a processor being shut down (as
 *       {@link ProcessorRecovery} does whenever the store comes back) interrupts a worker that is slow to stop, and a
 *       handler waiting on a busy store is exactly such a worker.</li>
 * </ul>
 */
class RetryOnStoreFailure implements ListenerInvocationErrorHandler {
    private final StoreFailures storeFailures;
    private final ListenerInvocationErrorHandler otherwise = new LoggingErrorHandler();

    RetryOnStoreFailure(StoreFailures storeFailures) {
        this.storeFailures = storeFailures;
    }

    @Override
    public void onError(Exception exception, EventMessage<?> event, EventMessageHandler handler) throws Exception {
        if (storeFailures.isStoreFailure(exception) || cutShort(exception)) {
            throw exception;
        }
        otherwise.onError(exception, event, handler);
    }

    private static boolean cutShort(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof InterruptedException || cause instanceof InterruptedIOException
                    || cause instanceof MongoInterruptedException || cause instanceof AxonTimeoutException) {
                return true;
            }
        }
        return false;
    }
}
