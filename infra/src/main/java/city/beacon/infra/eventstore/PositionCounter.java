package city.beacon.infra.eventstore;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReturnDocument;
import org.bson.Document;

import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Updates.inc;

/**
 * Hands out global positions: one counter document, incremented atomically by the number of events in a commit.
 * Positions start at 1. A reservation whose commit never lands leaves a gap that tracking readers wait for, then skip.
 */
final class PositionCounter {
    private static final String ID = "global-position";
    private static final String LAST = "last";

    private final MongoCollection<Document> counters;

    PositionCounter(MongoCollection<Document> counters) {
        this.counters = counters;
    }

    /** @return the first of {@code count} consecutive positions now reserved for the caller */
    long reserve(int count) {
        var options = new FindOneAndUpdateOptions().upsert(true).returnDocument(ReturnDocument.AFTER);
        Document after = counters.findOneAndUpdate(eq("_id", ID), inc(LAST, (long) count), options);
        return after.get(LAST, Number.class).longValue() - count + 1;
    }

    /** @return the highest position reserved so far (committed or not), 0 for an empty store */
    long head() {
        Document counter = counters.find(eq("_id", ID)).first();
        return counter == null ? 0 : counter.get(LAST, Number.class).longValue();
    }
}
