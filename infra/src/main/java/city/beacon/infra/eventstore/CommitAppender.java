package city.beacon.infra.eventstore;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Sorts;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.serialization.Serializer;
import org.bson.Document;

import java.time.Clock;
import java.util.List;

/**
 * Writes a unit of work's events: reserve as many positions as there are events, then insert one commit document.
 * No transaction is needed: the insert is atomic, and the only thing a crash between the two steps leaves behind is a
 * reserved range nobody uses, which readers treat as a gap.
 */
final class CommitAppender {
    /** A lost counter suffix is skipped in one step; more attempts would mean something else is wrong. */
    private static final int MAX_ATTEMPTS = 3;

    private final MongoCollection<Document> commits;
    private final PositionCounter positions;
    private final Clock clock;
    private final CommitHook hook;

    CommitAppender(EventStoreCollections collections, PositionCounter positions, Clock clock, CommitHook hook) {
        this.commits = collections.commits();
        this.positions = positions;
        this.clock = clock;
        this.hook = hook;
    }

    /** @throws MongoWriteException on a duplicate aggregate key, for the engine to translate */
    void append(List<? extends EventMessage<?>> events, Serializer serializer) {
        for (int attempt = 1; ; attempt++) {
            long first = positions.reserve(events.size());
            hook.reserved(first, events.size());
            // Serialize after reserving: a payload that cannot be serialized then fails the whole commit, like any
            // other failure between reservation and insert, and leaves a gap.
            Document commit = CommitDocument.of(events, first, clock.instant(), serializer);
            try {
                commits.insertOne(commit);
                return;
            } catch (MongoWriteException e) {
                if (!isPositionTaken(e) || attempt == MAX_ATTEMPTS) {
                    throw e;
                }
                // The counter is a derived write: a store that crashed after answering a reservation from memory
                // may hand the same positions out again. The insert failed as a whole; move the counter past the
                // highest committed position and reserve again.
                positions.advanceTo(highestCommittedPosition());
            }
        }
    }

    private long highestCommittedPosition() {
        // Rare (only after a store crash), so a sort that the embedded server answers with a scan is acceptable.
        Document last = commits.find().sort(Sorts.descending(CommitDocument.ID)).limit(1).first();
        if (last == null) {
            return 0;
        }
        List<?> stored = last.getList(CommitDocument.POSITIONS, Object.class);
        return ((Number) stored.get(stored.size() - 1)).longValue();
    }

    private static boolean isPositionTaken(MongoWriteException write) {
        return write.getError().getCategory() == ErrorCategory.DUPLICATE_KEY && !isAggregateKeyConflict(write);
    }

    static boolean isAggregateKeyConflict(Throwable failure) {
        return failure instanceof MongoWriteException write
                && write.getError().getCategory() == ErrorCategory.DUPLICATE_KEY
                && String.valueOf(write.getError().getMessage()).contains(EventStoreCollections.AGGREGATE_KEY_INDEX);
    }
}
