package city.beacon.infra.eventstore;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** Test events and small helpers to write and read them. */
final class Events {
    record SomethingHappened(String aggregateId, long sequence, String note) { }

    record Broadcast(String text) { }

    private Events() {
    }

    static DomainEventMessage<SomethingHappened> event(String aggregateId, long sequence) {
        return new GenericDomainEventMessage<>("Thing", aggregateId, sequence,
                new SomethingHappened(aggregateId, sequence, "note " + sequence));
    }

    static EventMessage<Broadcast> broadcast(String text) {
        return GenericEventMessage.asEventMessage(new Broadcast(text));
    }

    /** Everything a tracking reader gets from {@code token} on, in one pass until the stream is drained. */
    static List<TrackedEventMessage<?>> readFrom(EventStorageEngine engine, TrackingToken token) {
        try (Stream<? extends TrackedEventMessage<?>> stream = engine.readEvents(token, false)) {
            return new ArrayList<>(stream.toList());
        }
    }

    static List<Long> positionsOf(List<TrackedEventMessage<?>> events) {
        return events.stream().map(e -> e.trackingToken().position().orElseThrow()).toList();
    }
}
