package city.beacon.query.support;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.ReplaceOptions;
import org.bson.Document;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.in;

/**
 * A read-model collection written through the batch of the event processor's current unit of work: reads see the
 * batch's own writes first, writes wait in the batch and go out as one bulk write when the batch's last event has
 * been handled (before its token is stored). Outside a unit of work (tests, a direct call) writes go out at once.
 * <p>
 * {@code flushOrder} orders the collections of one projection within a batch: a document another one is derived
 * from is written last, so that if a crash interrupts the batch, the redelivered events still find it unapplied and
 * re-derive the other (e.g. a department's queue before its tasks).
 */
public final class BatchedCollection {
    private static final int IN_BATCH = 500;
    private final MongoCollection<Document> collection;
    private final int flushOrder;

    public BatchedCollection(MongoCollection<Document> collection, int flushOrder) {
        this.collection = collection;
        this.flushOrder = flushOrder;
    }

    public Document find(String id) {
        var batch = ReadModelBatch.current();
        if (batch != null && batch.holds(this, id)) {
            return batch.pending(this, id);
        }
        return collection.find(eq("_id", id)).first();
    }

    /** The documents found of these ids, batch writes first; one {@code $in} per 500 ids for the rest. */
    public Map<String, Document> findAll(Collection<String> ids) {
        var batch = ReadModelBatch.current();
        Map<String, Document> found = new HashMap<>();
        List<String> unread = new ArrayList<>();
        for (String id : new LinkedHashSet<>(ids)) {
            if (batch != null && batch.holds(this, id)) {
                var pending = batch.pending(this, id);
                if (pending != null) {
                    found.put(id, pending);
                }
            } else {
                unread.add(id);
            }
        }
        for (int from = 0; from < unread.size(); from += IN_BATCH) {
            collection.find(in("_id", unread.subList(from, Math.min(unread.size(), from + IN_BATCH))))
                    .forEach(d -> found.put(d.getString("_id"), d));
        }
        return found;
    }

    public void replace(Document document) {
        var batch = ReadModelBatch.current();
        if (batch != null) {
            batch.put(this, document.getString("_id"), document);
        } else {
            collection.replaceOne(eq("_id", document.get("_id")), document, new ReplaceOptions().upsert(true));
        }
    }

    public void delete(String id) {
        var batch = ReadModelBatch.current();
        if (batch != null) {
            batch.put(this, id, null);
        } else {
            collection.deleteOne(eq("_id", id));
        }
    }

    /** Everything, bypassing the batch: for queries, which run outside event handling. */
    public MongoCollection<Document> stored() {
        return collection;
    }

    MongoCollection<Document> collection() {
        return collection;
    }

    int flushOrder() {
        return flushOrder;
    }
}
