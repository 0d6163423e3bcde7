package city.beacon.infra.store;

import com.mongodb.ReadConcern;
import com.mongodb.WriteConcern;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import org.bson.Document;

import java.util.Set;

/**
 * The one place that says which of Beacon's writes must survive a crash on their own; every other write is derived
 * from events (tracking tokens, read models, saga and deadline bookkeeping, counters, snapshots) and may lose a suffix
 * in a crash, which processors repair by re-applying events from their last durable token (docs/event-store.md).
 * <ul>
 *   <li>Event commits: a client is told its command's events are stored. On MongoDB written {@code w:majority, j:true};
 *       on the embedded store answered only once on disk.</li>
 *   <li>Incident-number claims: a number named by a durable event must never be handed out again. On MongoDB written
 *       {@code w:majority, j:true}, because after a fail-over a {@code w:1} claim may be rolled back while the event
 *       naming it, committed on the new primary, survives. On the embedded store a claim waits for no disk of its own:
 *       the store writes in order, so the event commit that names the number makes the claim durable with it, and a
 *       claim lost without such an event named nothing.</li>
 * </ul>
 */
public final class DurableCollections {
    public static final String EVENT_COMMITS = "event_commits";
    public static final String INCIDENT_NUMBER_CLAIMS = "incident_number_claims";
    /** axon-mongo's token store: one write per processed batch and segment, not per event. */
    public static final String TRACKING_TOKENS = "trackingtokens";

    /** What every other write uses: the client's default ({@link MongoConfiguration}). */
    static final WriteConcern DERIVED_WRITES = WriteConcern.W1;
    static final WriteConcern DURABLE_WRITES = WriteConcern.MAJORITY.withJournal(true);

    private static final Set<String> MAJORITY_JOURNALED = Set.of(EVENT_COMMITS, INCIDENT_NUMBER_CLAIMS);
    /**
     * Tokens wait for the disk too, although they are derived. A projection's documents are written before its token,
     * so a durable token makes them durable with it; a derived token could lag behind the documents already on disk,
     * and two measured failures followed: a reset (documents deleted, then a replay token stored) made durable by an
     * unrelated commit up to its deletions only, which left empty read models behind a token saying they were
     * complete; and a standalone store that died under a running node lost documents the node's processors had
     * already moved past in memory. With batches of up to 100 events this costs one group-committed fsync per batch,
     * not one per event.
     */
    private static final Set<String> AWAIT_DISK_ON_EMBEDDED_STORE = Set.of(EVENT_COMMITS, TRACKING_TOKENS);

    private DurableCollections() {
    }

    /**
     * A collection of Beacon's database with the write concern it needs: {@code w:majority, j:true} for the durable
     * ones, which are also read with read concern majority (a reader never acts on an event that a fail-over could
     * roll back); the client's {@code w:1} for everything else. The embedded store ignores both and decides by
     * collection name instead ({@link #awaitsDiskOnEmbeddedStore}).
     */
    public static MongoCollection<Document> open(MongoDatabase database, String name) {
        MongoCollection<Document> collection = database.getCollection(name);
        if (!needsMajorityJournaled(name)) {
            return collection;
        }
        return collection.withWriteConcern(DURABLE_WRITES).withReadConcern(ReadConcern.MAJORITY);
    }

    /** Whether writes to the collection need {@code w:majority, j:true} on MongoDB. */
    public static boolean needsMajorityJournaled(String collection) {
        return MAJORITY_JOURNALED.contains(collection);
    }

    /** Whether the embedded store answers a write to the collection only once it is on disk. */
    static boolean awaitsDiskOnEmbeddedStore(String collection) {
        return AWAIT_DISK_ON_EMBEDDED_STORE.contains(collection);
    }
}
