package city.beacon.infra.eventstore;

import org.axonframework.eventhandling.DomainEventData;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.EventStreamUtils;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.upcasting.event.EventUpcaster;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Set;
import java.util.List;
import java.util.Map;

/**
 * The event store as auditors read it: events by stream position, upcast and deserialized like every processor sees
 * them, and the stored text exactly as written (for seals). Only keyed reads ({@code $in} on the unique position
 * index), in slices so no query grows without bound.
 */
public final class StoredHistory {
    private static final int SLICE = 500;
    private final CommitLookup lookup;
    private final PositionCounter counter;
    private final Serializer serializer;
    private final EventUpcaster upcaster;

    StoredHistory(CommitLookup lookup, PositionCounter counter, Serializer serializer, EventUpcaster upcaster) {
        this.lookup = lookup;
        this.counter = counter;
        this.serializer = serializer;
        this.upcaster = upcaster;
    }

    /** One event: its position and its message as processors receive it (metadata without the stream position). */
    public record Recorded(long position, DomainEventMessage<?> message) { }

    /** The highest position handed out so far (some below it may be in flight or given up). */
    public long head() {
        return counter.head();
    }

    /** The events found at these positions, in position order; absent positions are skipped. */
    public List<Recorded> at(Collection<Long> positions) {
        List<StoredEvent> stored = stored(positions);
        Map<String, Long> positionOf = new HashMap<>();
        for (StoredEvent event : stored) {
            positionOf.put(event.data().getEventIdentifier(), event.position());
        }
        List<Recorded> result = new ArrayList<>(stored.size());
        var stream = EventStreamUtils.upcastAndDeserializeDomainEvents(
                stored.stream().map(StoredEvent::data), serializer, upcaster);
        while (stream.hasNext()) {
            DomainEventMessage<?> message = stream.next();
            Long position = positionOf.get(message.getIdentifier());
            if (position != null) {
                result.add(new Recorded(position, message));
            }
        }
        result.sort(Comparator.comparingLong(Recorded::position));
        return result;
    }

    /** The stored text of the events found at these positions, in position order; absent positions are skipped. */
    public List<StoredText> textAt(Collection<Long> positions) {
        return stored(positions).stream().map(StoredText::of).toList();
    }

    private List<StoredEvent> stored(Collection<Long> positions) {
        Set<Long> asked = new HashSet<>(positions);
        List<Long> wanted = new ArrayList<>(asked);
        List<StoredEvent> found = new ArrayList<>();
        Set<Long> seen = new HashSet<>();
        for (int from = 0; from < wanted.size(); from += SLICE) {
            for (StoredEvent event : lookup.byPositions(wanted.subList(from, Math.min(wanted.size(), from + SLICE)))) {
                // a commit holds several positions; keep only those asked for, once each
                if (asked.contains(event.position()) && seen.add(event.position())) {
                    found.add(event);
                }
            }
        }
        found.sort(Comparator.comparingLong(StoredEvent::position));
        return found;
    }

    /** An event exactly as stored: every field a seal covers, in a fixed order. */
    public record StoredText(long position, String canonical) {
        static StoredText of(StoredEvent event) {
            DomainEventData<String> data = event.data();
            String text = String.join("\u001f",
                    Long.toString(event.position()),
                    String.valueOf(data.getEventIdentifier()),
                    String.valueOf(data.getType()),
                    String.valueOf(data.getAggregateIdentifier()),
                    Long.toString(data.getSequenceNumber()),
                    String.valueOf(data.getTimestamp()),
                    String.valueOf(event.committedAt()),
                    data.getPayload().getType().getName(),
                    String.valueOf(data.getPayload().getType().getRevision()),
                    String.valueOf(data.getPayload().getData()),
                    String.valueOf(data.getMetaData().getData()));
            return new StoredText(event.position(), text);
        }
    }
}
