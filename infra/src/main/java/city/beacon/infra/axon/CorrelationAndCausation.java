package city.beacon.infra.axon;

import org.axonframework.messaging.Message;
import org.axonframework.messaging.correlation.CorrelationDataProvider;

import java.util.Map;

/**
 * Names an event's origin the way auditors ask about it: {@code causationId} is the message that directly caused
 * it (the command, or the event a saga reacted to), {@code correlationId} the first message of the whole chain
 * (typically the operator's request). Axon's own MessageOriginProvider stores the same facts under the keys
 * correlationId/traceId with the meanings swapped relative to common usage, so Beacon uses its own.
 */
class CorrelationAndCausation implements CorrelationDataProvider {
    static final String CORRELATION_ID = "correlationId";
    static final String CAUSATION_ID = "causationId";

    @Override
    public Map<String, ?> correlationDataFor(Message<?> message) {
        Object root = message.getMetaData().get(CORRELATION_ID);
        return Map.of(CAUSATION_ID, message.getIdentifier(),
                CORRELATION_ID, root == null ? message.getIdentifier() : root);
    }
}
