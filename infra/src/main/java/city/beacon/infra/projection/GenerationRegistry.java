package city.beacon.infra.projection;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.UpdateOptions;
import org.bson.Document;
import org.bson.conversions.Bson;

import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Updates.addToSet;
import static com.mongodb.client.model.Updates.combine;
import static com.mongodb.client.model.Updates.pull;
import static com.mongodb.client.model.Updates.set;
import static com.mongodb.client.model.Updates.setOnInsert;
import static com.mongodb.client.model.Updates.unset;

/**
 * One document per rebuilt read model in {@code projection_generations}: the generation the live views read, the
 * rebuild under way (its generation, owner node, heartbeat and progress) and the generations retired at the last
 * switch, still to be dropped. Every change is one conditional update of that document, so two nodes never both
 * start, adopt or switch the same rebuild. A read model never rebuilt has no document: generation 1.
 */
final class GenerationRegistry {
    static final String COLLECTION = "projection_generations";
    static final String LIVE = "live";
    static final String REBUILD = "rebuild";
    static final String RETIRED = "retired";
    static final String SWITCHED_AT = "switchedAt";
    static final String GENERATION = "generation";
    static final String STARTED_AT = "startedAt";
    static final String OWNER = "owner";
    static final String HEARTBEAT = "heartbeat";
    static final String DONE = "done";
    static final String RATE = "eventsPerSecond";
    private final MongoDatabase database;
    private final MongoCollection<Document> registry;

    GenerationRegistry(MongoDatabase database) {
        this.database = database;
        this.registry = database.getCollection(COLLECTION);
    }

    Map<String, Document> all() {
        Map<String, Document> found = new HashMap<>();
        registry.find().forEach(d -> found.put(d.getString("_id"), d));
        return found;
    }

    static int live(Document record) {
        return record == null ? 1 : record.getInteger(LIVE, 1);
    }

    /** Records a new rebuild unless one is recorded already; false then. */
    boolean start(String group, int live, int generation, Instant at, String owner) {
        var rebuild = new Document(GENERATION, generation).append(STARTED_AT, Date.from(at)).append(OWNER, owner)
                .append(HEARTBEAT, Date.from(at)).append(DONE, 0L).append(RATE, 0.0);
        try {
            var result = registry.updateOne(and(eq("_id", group), eq(REBUILD, null)),
                    combine(set(REBUILD, rebuild), setOnInsert(LIVE, live)), new UpdateOptions().upsert(true));
            return result.getMatchedCount() == 1 || result.getUpsertedId() != null;
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
                return false;   // the document exists and holds a rebuild: the upsert collided with it
            }
            throw e;
        }
    }

    /** Stores the owner's progress; false when the rebuild is no longer this owner's (adopted, switched). */
    boolean heartbeat(String group, int generation, String owner, long done, double rate, Instant at) {
        return registry.updateOne(ownedBy(group, generation, owner),
                combine(set(REBUILD + "." + DONE, done), set(REBUILD + "." + RATE, rate),
                        set(REBUILD + "." + HEARTBEAT, Date.from(at)))).getMatchedCount() == 1;
    }

    /** Takes over a rebuild whose owner stopped beating; false when another node was first. */
    boolean adopt(Document record, String owner, Instant at) {
        Document rebuild = record.get(REBUILD, Document.class);
        Bson filter = and(eq("_id", record.getString("_id")),
                eq(REBUILD + "." + OWNER, rebuild.getString(OWNER)),
                eq(REBUILD + "." + HEARTBEAT, rebuild.getDate(HEARTBEAT)));
        return registry.updateOne(filter, combine(set(REBUILD + "." + OWNER, owner),
                set(REBUILD + "." + HEARTBEAT, Date.from(at)))).getModifiedCount() == 1;
    }

    /** The switch itself: the new generation becomes live, the old one retired; false if not this owner's. */
    boolean switchTo(String group, int generation, int previous, String owner, Instant at) {
        return registry.updateOne(ownedBy(group, generation, owner),
                combine(set(LIVE, generation), unset(REBUILD), addToSet(RETIRED, previous),
                        set(SWITCHED_AT, Date.from(at)))).getMatchedCount() == 1;
    }

    void dropped(String group, int generation) {
        registry.updateOne(eq("_id", group), pull(RETIRED, generation));
    }

    /** Drops a generation's collections (a retired one, or leftovers of an attempt that never switched). */
    void dropCollections(String group, int generation) {
        var existing = database.listCollectionNames().into(new HashSet<>());
        for (String collection : ReadModelCollections.of(group)) {
            String name = ReadModelCollections.physical(collection, generation);
            if (existing.contains(name)) {
                database.getCollection(name).drop();
            }
        }
    }

    private static Bson ownedBy(String group, int generation, String owner) {
        return and(eq("_id", group), eq(REBUILD + "." + GENERATION, generation), eq(REBUILD + "." + OWNER, owner));
    }
}
