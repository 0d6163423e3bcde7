package city.beacon.infra.eventstore;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.ReplaceOptions;
import org.axonframework.common.DateTimeUtils;
import org.axonframework.eventhandling.DomainEventData;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.bson.Document;

import java.util.Optional;

import static com.mongodb.client.model.Filters.eq;

/**
 * The latest snapshot of each aggregate, one document keyed by aggregate id: loading reads it by {@code _id}, then
 * only the events after it. An older snapshot never replaces a newer one.
 */
final class SnapshotStore {
    private static final String AGGREGATE_TYPE = "aggregateType";
    private static final String SEQUENCE = "sequence";
    private static final String EVENT_ID = "eventId";
    private static final String TIMESTAMP = "timestamp";
    private static final String PAYLOAD_TYPE = "payloadType";
    private static final String PAYLOAD_REVISION = "payloadRevision";
    private static final String PAYLOAD = "payload";
    private static final String META_DATA = "metaData";

    private final MongoCollection<Document> snapshots;

    SnapshotStore(MongoCollection<Document> snapshots) {
        this.snapshots = snapshots;
    }

    void store(DomainEventMessage<?> snapshot, Serializer serializer) {
        String id = snapshot.getAggregateIdentifier();
        Optional<Long> stored = read(id).map(DomainEventData::getSequenceNumber);
        if (stored.isPresent() && stored.get() >= snapshot.getSequenceNumber()) {
            return;
        }
        SerializedObject<String> payload = snapshot.serializePayload(serializer, String.class);
        SerializedObject<String> metaData = snapshot.serializeMetaData(serializer, String.class);
        var document = new Document("_id", id)
                .append(AGGREGATE_TYPE, snapshot.getType())
                .append(SEQUENCE, snapshot.getSequenceNumber())
                .append(EVENT_ID, snapshot.getIdentifier())
                .append(TIMESTAMP, DateTimeUtils.formatInstant(snapshot.getTimestamp()))
                .append(PAYLOAD_TYPE, payload.getType().getName())
                .append(PAYLOAD_REVISION, payload.getType().getRevision())
                .append(PAYLOAD, payload.getData())
                .append(META_DATA, metaData.getData());
        // Two snapshotters racing may each replace the other; either result is a valid snapshot.
        snapshots.replaceOne(eq("_id", id), document, new ReplaceOptions().upsert(true));
    }

    Optional<DomainEventData<String>> read(String aggregateId) {
        Document document = snapshots.find(eq("_id", aggregateId)).first();
        if (document == null) {
            return Optional.empty();
        }
        return Optional.of(new GenericDomainEventEntry<>(
                document.getString(AGGREGATE_TYPE),
                aggregateId,
                document.get(SEQUENCE, Number.class).longValue(),
                document.getString(EVENT_ID),
                document.getString(TIMESTAMP),
                document.getString(PAYLOAD_TYPE),
                document.getString(PAYLOAD_REVISION),
                document.getString(PAYLOAD),
                document.getString(META_DATA)));
    }
}
