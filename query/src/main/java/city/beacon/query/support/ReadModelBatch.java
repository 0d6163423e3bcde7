package city.beacon.query.support;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.DeleteOneModel;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.WriteModel;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.bson.Document;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import static com.mongodb.client.model.Filters.eq;

/**
 * The read-model writes of one batch of events (one unit of work of a tracking processor): the last version of
 * every document touched, per collection, written as one bulk write per collection by {@link #flush()}.
 */
public final class ReadModelBatch {
    private static final String RESOURCE = ReadModelBatch.class.getName();
    private final Map<BatchedCollection, Map<String, Document>> writes = new IdentityHashMap<>();
    private final List<Consumer<ReadModelBatch>> afterFlush = new ArrayList<>();

    /** The batch of the current unit of work, created on first use; null outside a unit of work. */
    public static ReadModelBatch current() {
        if (!CurrentUnitOfWork.isStarted()) {
            return null;
        }
        UnitOfWork<?> unitOfWork = CurrentUnitOfWork.get();
        return unitOfWork.root().getOrComputeResource(RESOURCE, key -> new ReadModelBatch());
    }

    /** The batch of this unit of work if any event in it wrote something. */
    static ReadModelBatch of(UnitOfWork<?> unitOfWork) {
        return unitOfWork.root().getResource(RESOURCE);
    }

    boolean holds(BatchedCollection collection, String id) {
        var pending = writes.get(collection);
        return pending != null && pending.containsKey(id);
    }

    Document pending(BatchedCollection collection, String id) {
        return writes.get(collection).get(id);
    }

    void put(BatchedCollection collection, String id, Document document) {
        writes.computeIfAbsent(collection, c -> new LinkedHashMap<>()).put(id, document);
    }

    /** Runs once the batch's documents are written (e.g. to publish what changed); not on a retried batch. */
    public void afterFlush(Consumer<ReadModelBatch> action) {
        afterFlush.add(action);
    }

    /** Writes every collection's documents with one bulk write each, in the collections' flush order. */
    public void flush() {
        for (var collection : collectionsInFlushOrder()) {
            List<WriteModel<Document>> models = new ArrayList<>();
            writes.get(collection).forEach((id, document) -> models.add(model(id, document)));
            if (!models.isEmpty()) {
                collection.collection().bulkWrite(models, new BulkWriteOptions().ordered(false));
            }
        }
        writes.clear();
        afterFlush.forEach(action -> action.accept(this));
        afterFlush.clear();
    }

    /** The writes waiting, in flush order: what a crash part-way through {@link #flush()} leaves is a prefix. */
    public List<PendingWrite> pending() {
        List<PendingWrite> pending = new ArrayList<>();
        for (var collection : collectionsInFlushOrder()) {
            writes.get(collection).forEach((id, document) ->
                    pending.add(new PendingWrite(collection.collection(), model(id, document))));
        }
        return pending;
    }

    /** One document's write: a replacement (upsert) or a deletion. */
    public record PendingWrite(MongoCollection<Document> collection, WriteModel<Document> model) {
        public void write() {
            collection.bulkWrite(List.of(model));
        }
    }

    private List<BatchedCollection> collectionsInFlushOrder() {
        var collections = new ArrayList<>(writes.keySet());
        collections.sort(Comparator.comparingInt(BatchedCollection::flushOrder));
        return collections;
    }

    private static WriteModel<Document> model(String id, Document document) {
        return document == null
                ? new DeleteOneModel<>(eq("_id", id))
                : new ReplaceOneModel<>(eq("_id", id), document, new ReplaceOptions().upsert(true));
    }
}
