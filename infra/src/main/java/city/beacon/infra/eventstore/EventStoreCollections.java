package city.beacon.infra.eventstore;

import city.beacon.infra.store.DurableCollections;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import org.bson.Document;

/**
 * The three collections of the event store and their indexes. Every index is unique and on a single field, because
 * that is the only kind the embedded server answers without reading the whole collection (STACK-NOTES).
 */
final class EventStoreCollections {
    static final String COMMITS = DurableCollections.EVENT_COMMITS;
    static final String COUNTERS = "event_counters";
    static final String SNAPSHOTS = "event_snapshots";
    /** Unique multikey index over every event position in a commit: the stream is read by {@code $in} on it. */
    static final String POSITION_INDEX = "positions_unique";
    /** Unique multikey index over every "aggregateId:sequence" in a commit: optimistic concurrency and aggregate reads. */
    static final String AGGREGATE_KEY_INDEX = "aggregate_keys_unique";

    private final MongoCollection<Document> commits;
    private final MongoCollection<Document> counters;
    private final MongoCollection<Document> snapshots;

    EventStoreCollections(MongoDatabase database) {
        this.commits = DurableCollections.open(database, COMMITS);
        this.counters = database.getCollection(COUNTERS);
        this.snapshots = database.getCollection(SNAPSHOTS);
    }

    /** Idempotent; run at start-up before the first append. Snapshots and counters need only their {@code _id}. */
    void ensureIndexes() {
        commits.createIndex(Indexes.ascending(CommitDocument.POSITIONS),
                new IndexOptions().unique(true).name(POSITION_INDEX));
        commits.createIndex(Indexes.ascending(CommitDocument.AGGREGATE_KEYS),
                new IndexOptions().unique(true).name(AGGREGATE_KEY_INDEX));
    }

    MongoCollection<Document> commits() {
        return commits;
    }

    MongoCollection<Document> counters() {
        return counters;
    }

    MongoCollection<Document> snapshots() {
        return snapshots;
    }
}
