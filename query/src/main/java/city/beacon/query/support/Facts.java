package city.beacon.query.support;

import city.beacon.api.live.EventFacts;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;

/** The facts the read side's pure functions read of an Axon event message. */
public final class Facts {
    private Facts() { }

    public static EventFacts of(EventMessage<?> message) {
        long sequence = message instanceof DomainEventMessage<?> domain ? domain.getSequenceNumber() : -1;
        return new EventFacts(message.getIdentifier(), sequence, message.getMetaData());
    }
}
