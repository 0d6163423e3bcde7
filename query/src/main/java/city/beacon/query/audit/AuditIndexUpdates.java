package city.beacon.query.audit;

import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.WriteModel;
import org.bson.Document;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static com.mongodb.client.model.Filters.eq;

/**
 * The index entries of a batch of events, merged per key into one upsert each: {@code $addToSet} of positions and
 * {@code $max}/{@code $min} of bounds. Each of these is idempotent and commutes with the others, so a batch
 * redelivered after a crash, or applied by two segments at once, leaves the same documents.
 */
final class AuditIndexUpdates {
    static final String POSITIONS = "p";
    static final String TIMED = "e";
    static final String LAST = "last";
    static final String FIRST_TIME = "first";

    private final Map<String, Entry> entries = new LinkedHashMap<>();

    private static final class Entry {
        final Set<Long> positions = new LinkedHashSet<>();
        final List<Document> timed = new ArrayList<>();
        Long last;
        Long firstTime;
    }

    void add(String key, long position) {
        entry(key).positions.add(position);
    }

    void addTimed(String key, long position, Instant time) {
        entry(key).timed.add(new Document(POSITIONS, position).append("t", time.toEpochMilli()));
    }

    void max(String key, long position) {
        var entry = entry(key);
        entry.last = entry.last == null ? position : Math.max(entry.last, position);
    }

    void minTime(String key, Instant time) {
        var entry = entry(key);
        long millis = time.toEpochMilli();
        entry.firstTime = entry.firstTime == null ? millis : Math.min(entry.firstTime, millis);
    }

    boolean isEmpty() {
        return entries.isEmpty();
    }

    List<WriteModel<Document>> models() {
        List<WriteModel<Document>> models = new ArrayList<>(entries.size());
        entries.forEach((key, entry) -> {
            var update = new Document();
            var addToSet = new Document();
            if (!entry.positions.isEmpty()) {
                addToSet.append(POSITIONS, new Document("$each", new ArrayList<>(entry.positions)));
            }
            if (!entry.timed.isEmpty()) {
                addToSet.append(TIMED, new Document("$each", entry.timed));
            }
            if (!addToSet.isEmpty()) {
                update.append("$addToSet", addToSet);
            }
            if (entry.last != null) {
                update.append("$max", new Document(LAST, entry.last));
            }
            if (entry.firstTime != null) {
                update.append("$min", new Document(FIRST_TIME, entry.firstTime));
            }
            models.add(new UpdateOneModel<>(eq("_id", key), update, new UpdateOptions().upsert(true)));
        });
        entries.clear();
        return models;
    }

    private Entry entry(String key) {
        return entries.computeIfAbsent(key, k -> new Entry());
    }
}
