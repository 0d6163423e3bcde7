package city.beacon.infra.eventstore;

import org.axonframework.common.DateTimeUtils;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.bson.Document;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

/**
 * One document per commit: a unit of work's events become visible together because they are one insert. The
 * document is keyed by its first position and lists every position and every "aggregateId:sequence" it holds, each
 * array under a unique index. Payloads and metadata are stored as the serializer's text (JSON with Jackson), so an
 * auditor can read them with any MongoDB client.
 */
final class CommitDocument {
    static final String ID = "_id";
    static final String POSITIONS = "positions";
    static final String AGGREGATE_KEYS = "aggregateKeys";
    static final String COMMITTED_AT = "committedAt";
    static final String EVENTS = "events";

    private CommitDocument() {
    }

    static Document of(List<? extends EventMessage<?>> events, long firstPosition, Instant committedAt,
                       Serializer serializer) {
        List<Long> positions = new ArrayList<>(events.size());
        List<String> keys = new ArrayList<>(events.size());
        List<Document> stored = new ArrayList<>(events.size());
        long position = firstPosition;
        for (EventMessage<?> event : events) {
            positions.add(position);
            keys.add(aggregateKey(event));
            stored.add(eventDocument(event, position, serializer));
            position++;
        }
        return new Document(ID, firstPosition)
                .append(POSITIONS, positions)
                .append(AGGREGATE_KEYS, keys)
                .append(COMMITTED_AT, Date.from(committedAt))
                .append(EVENTS, stored);
    }

    /**
     * The key that makes a second writer of the same aggregate sequence fail. An event published outside an
     * aggregate gets a key of its own identifier, so the unique index never sees a missing value.
     */
    static String aggregateKey(EventMessage<?> event) {
        if (event instanceof DomainEventMessage<?> domain && domain.getAggregateIdentifier() != null) {
            return aggregateKey(domain.getAggregateIdentifier(), domain.getSequenceNumber());
        }
        return "event:" + event.getIdentifier();
    }

    /** The sequence number is the part after the last colon, so identifiers containing colons cannot collide. */
    static String aggregateKey(String aggregateId, long sequence) {
        return aggregateId + ":" + sequence;
    }

    private static Document eventDocument(EventMessage<?> event, long position, Serializer serializer) {
        SerializedObject<String> payload = event.serializePayload(serializer, String.class);
        SerializedObject<String> metaData = event.serializeMetaData(serializer, String.class);
        var document = new Document(StoredEvent.POSITION, position)
                .append(StoredEvent.EVENT_ID, event.getIdentifier());
        if (event instanceof DomainEventMessage<?> domain && domain.getAggregateIdentifier() != null) {
            document.append(StoredEvent.AGGREGATE_ID, domain.getAggregateIdentifier())
                    .append(StoredEvent.AGGREGATE_TYPE, domain.getType())
                    .append(StoredEvent.SEQUENCE, domain.getSequenceNumber());
        }
        return document
                .append(StoredEvent.TIMESTAMP, DateTimeUtils.formatInstant(event.getTimestamp()))
                .append(StoredEvent.PAYLOAD_TYPE, payload.getType().getName())
                .append(StoredEvent.PAYLOAD_REVISION, payload.getType().getRevision())
                .append(StoredEvent.PAYLOAD, payload.getData())
                .append(StoredEvent.META_DATA, metaData.getData());
    }

    /** Every event of a commit document, each knowing when its commit was written. */
    static List<StoredEvent> events(Document commit) {
        Instant committedAt = commit.getDate(COMMITTED_AT).toInstant();
        List<StoredEvent> result = new ArrayList<>();
        for (Document event : commit.getList(EVENTS, Document.class)) {
            result.add(StoredEvent.from(event, committedAt));
        }
        return result;
    }
}
