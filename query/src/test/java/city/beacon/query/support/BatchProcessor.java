package city.beacon.query.support;

import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.messaging.DefaultInterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.RollbackConfigurationType;

import java.util.ArrayList;
import java.util.List;

/**
 * Drives a projection the way a tracking processor does: batches of events, one unit of work each, the read-model
 * batch flushed by {@link FlushReadModelBatch} after the last event, the token "stored" when the unit of work
 * commits. {@link #crashIn} writes only a prefix of a batch's documents and stores no token, as a kill -9 in the
 * middle of the flush would.
 */
final class BatchProcessor {
    private final AnnotationEventHandlerAdapter projection;
    private final int batchSize;
    private GapAwareTrackingToken storedToken;

    BatchProcessor(Object projection, int batchSize) {
        this.projection = new AnnotationEventHandlerAdapter(projection);
        this.batchSize = batchSize;
    }

    GapAwareTrackingToken storedToken() {
        return storedToken;
    }

    /** Processes every event in batches, storing the token after each. */
    void process(List<TrackedEventMessage<?>> events) {
        for (int from = 0; from < events.size(); from += batchSize) {
            var batch = events.subList(from, Math.min(events.size(), from + batchSize));
            run(batch, new FlushReadModelBatch());
            storedToken = (GapAwareTrackingToken) batch.get(batch.size() - 1).trackingToken();
        }
    }

    /** Handles the batch, writes the first {@code documents} of its writes, then dies before storing the token. */
    void crashIn(List<TrackedEventMessage<?>> batch, int documents) {
        MessageHandlerInterceptor<EventMessage<?>> crash = (unitOfWork, chain) -> {
            Object result = chain.proceed();
            if (((BatchingUnitOfWork<?>) unitOfWork).isLastMessage()) {
                var batchWrites = ReadModelBatch.of(unitOfWork);
                var pending = batchWrites == null ? List.<ReadModelBatch.PendingWrite>of() : batchWrites.pending();
                pending.subList(0, Math.min(documents, pending.size())).forEach(ReadModelBatch.PendingWrite::write);
                throw new IllegalStateException("killed");
            }
            return result;
        };
        var unitOfWork = new BatchingUnitOfWork<>(new ArrayList<EventMessage<?>>(batch));
        var outcome = unitOfWork.executeWithResult(() -> new DefaultInterceptorChain<>(unitOfWork, List.of(crash),
                message -> projection.handle(message)).proceed(), RollbackConfigurationType.ANY_THROWABLE);
        if (!outcome.isExceptional()) {
            throw new AssertionError("the batch was expected to die");
        }
    }

    /** How many documents the batch writes (to choose where to crash). */
    int writesOf(List<TrackedEventMessage<?>> batch) {
        int[] count = {0};
        MessageHandlerInterceptor<EventMessage<?>> counting = (unitOfWork, chain) -> {
            Object result = chain.proceed();
            if (((BatchingUnitOfWork<?>) unitOfWork).isLastMessage()) {
                var pending = ReadModelBatch.of(unitOfWork);
                count[0] = pending == null ? 0 : pending.pending().size();
                throw new IllegalStateException("counted");
            }
            return result;
        };
        var unitOfWork = new BatchingUnitOfWork<>(new ArrayList<EventMessage<?>>(batch));
        unitOfWork.executeWithResult(() -> new DefaultInterceptorChain<>(unitOfWork, List.of(counting),
                message -> projection.handle(message)).proceed(), RollbackConfigurationType.ANY_THROWABLE);
        return count[0];
    }

    private void run(List<TrackedEventMessage<?>> batch, MessageHandlerInterceptor<EventMessage<?>> flush) {
        var unitOfWork = new BatchingUnitOfWork<>(new ArrayList<EventMessage<?>>(batch));
        var result = unitOfWork.executeWithResult(() -> new DefaultInterceptorChain<>(unitOfWork, List.of(flush),
                message -> projection.handle(message)).proceed(), RollbackConfigurationType.ANY_THROWABLE);
        if (result.isExceptional()) {
            throw new AssertionError(result.exceptionResult());
        }
    }
}
