package city.beacon.query.support;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;

/**
 * Writes a projection's batch once its last event has been handled. Not in the unit of work's prepare-commit
 * phase: the tracking processor registers the storing of its token there first, when the batch starts, and
 * prepare-commit handlers run in registration order — a crash between the token and the read models would then
 * skip the batch. Written here, the read models are always on their way to the store before the token; a crash in
 * between redelivers the batch, which the documents' recorded positions make harmless ({@link EventPosition}).
 */
public class FlushReadModelBatch implements MessageHandlerInterceptor<EventMessage<?>> {

    @Override
    public Object handle(UnitOfWork<? extends EventMessage<?>> unitOfWork, InterceptorChain chain) throws Exception {
        Object result = chain.proceed();
        boolean last = !(unitOfWork instanceof BatchingUnitOfWork<?> batching) || batching.isLastMessage();
        if (last) {
            var batch = ReadModelBatch.of(unitOfWork);
            if (batch != null) {
                batch.flush();
            }
        }
        return result;
    }
}
