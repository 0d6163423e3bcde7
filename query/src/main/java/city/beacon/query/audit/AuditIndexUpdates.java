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
 * The index entries of a batch of events, merged per key into one upsert each: {@code $push} of positions and
 * {@code $max}/{@code $min} of bounds. These commute, so two segments applying batches at once leave the same
 * entries. A batch redelivered after a crash may list a position twice; every reader takes the lists as sets
 * ({@link AuditIndex}), so no answer changes. Not {@code $addToSet}: the embedded server checks each added element
 * against every element already there, with {@code Document.equals} for the timed entries — an hour's document of
 * n events cost O(n) per event, and profiled over a 40,000-event replay that was 62 % of the store's CPU.
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
            var push = new Document();
            if (!entry.positions.isEmpty()) {
                push.append(POSITIONS, new Document("$each", new ArrayList<>(entry.positions)));
            }
            if (!entry.timed.isEmpty()) {
                push.append(TIMED, new Document("$each", entry.timed));
            }
            if (!push.isEmpty()) {
                update.append("$push", push);
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
