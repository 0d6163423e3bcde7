package city.beacon.infra.axon;

import city.beacon.web.problem.StoreFailures;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.EventMessageHandler;
import org.axonframework.eventhandling.ListenerInvocationErrorHandler;
import org.axonframework.eventhandling.LoggingErrorHandler;

/**
 * What an event handler's failure does to its processor. Axon's default logs it and moves on, which is right for a
 * handler bug (one poisoned event must not stop a read model) but wrong when the store was unreachable: the handler
 * never wrote, and the event would be missing from that read model for good. A store failure therefore fails the
 * batch, so the processor keeps its token and handles the event again once the store is back.
 */
class RetryOnStoreFailure implements ListenerInvocationErrorHandler {
    private final StoreFailures storeFailures;
    private final ListenerInvocationErrorHandler otherwise = new LoggingErrorHandler();

    RetryOnStoreFailure(StoreFailures storeFailures) {
        this.storeFailures = storeFailures;
    }

    @Override
    public void onError(Exception exception, EventMessage<?> event, EventMessageHandler handler) throws Exception {
        if (storeFailures.isStoreFailure(exception)) {
            throw exception;
        }
        otherwise.onError(exception, event, handler);
    }
}
