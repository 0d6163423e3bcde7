package city.beacon.infra.axon;

import org.axonframework.deadline.DeadlineMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.correlation.CorrelationDataProvider;

import java.util.HashMap;
import java.util.Map;

/**
 * Names an event's origin the way auditors ask about it: {@code causationId} is the message that directly caused
 * it (the command, or the event a saga reacted to), {@code correlationId} the first message of the whole chain
 * (typically the operator's request), and {@code triggerEventId} the last stored event on the way (the event a saga
 * reacted to, carried through the command it sent), so an auditor can walk from event to event although commands
 * are not stored. Axon's own MessageOriginProvider stores the same facts under the keys
 * correlationId/traceId with the meanings swapped relative to common usage, so Beacon uses its own.
 */
class CorrelationAndCausation implements CorrelationDataProvider {
    static final String CORRELATION_ID = "correlationId";
    static final String CAUSATION_ID = "causationId";
    static final String TRIGGER_EVENT_ID = "triggerEventId";

    @Override
    public Map<String, ?> correlationDataFor(Message<?> message) {
        Object root = message.getMetaData().get(CORRELATION_ID);
        Map<String, Object> data = new HashMap<>();
        data.put(CAUSATION_ID, message.getIdentifier());
        data.put(CORRELATION_ID, root == null ? message.getIdentifier() : root);
        // A deadline is not stored: what it leads to is traced to the event that scheduled it, when known.
        Object trigger = message instanceof EventMessage<?> && !(message instanceof DeadlineMessage<?>)
                ? message.getIdentifier()
                : message.getMetaData().get(TRIGGER_EVENT_ID);
        if (trigger != null) {
            data.put(TRIGGER_EVENT_ID, trigger);
        }
        return data;
    }
}
