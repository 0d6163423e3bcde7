package city.beacon.infra.eventstore;

import org.axonframework.eventhandling.DomainEventData;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.bson.Document;

import java.time.Instant;

/** One event as read back from a commit document, with the position and commit time the readers need. */
record StoredEvent(long position, String aggregateId, long sequence, Instant committedAt, DomainEventData<String> data) {
    static final String POSITION = "position";
    static final String EVENT_ID = "eventId";
    static final String AGGREGATE_ID = "aggregateId";
    static final String AGGREGATE_TYPE = "aggregateType";
    static final String SEQUENCE = "sequence";
    static final String TIMESTAMP = "timestamp";
    static final String PAYLOAD_TYPE = "payloadType";
    static final String PAYLOAD_REVISION = "payloadRevision";
    static final String PAYLOAD = "payload";
    static final String META_DATA = "metaData";

    static StoredEvent from(Document event, Instant committedAt) {
        String aggregateId = event.getString(AGGREGATE_ID);
        Number sequence = event.get(SEQUENCE, Number.class);
        long seq = sequence == null ? 0 : sequence.longValue();
        var data = new GenericDomainEventEntry<>(
                event.getString(AGGREGATE_TYPE),
                aggregateId,
                seq,
                event.getString(EVENT_ID),
                event.getString(TIMESTAMP),
                event.getString(PAYLOAD_TYPE),
                event.getString(PAYLOAD_REVISION),
                event.getString(PAYLOAD),
                event.getString(META_DATA));
        return new StoredEvent(event.get(POSITION, Number.class).longValue(), aggregateId, seq, committedAt, data);
    }

    boolean belongsTo(String aggregate) {
        return aggregate.equals(aggregateId);
    }
}
