package city.beacon.query.audit;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import org.bson.Document;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.TreeSet;

import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.in;

/** Reads the audit index: every method is one or a few {@code $in}/equality lookups on {@code _id}. */
@Component
public class AuditIndex {
    private static final int DAYS_PER_LOOKUP = 62;
    private final MongoCollection<Document> index;

    public AuditIndex(MongoDatabase beaconDatabase) {
        this.index = beaconDatabase.getCollection(AuditIndexProjection.COLLECTION);
    }

    /** The positions listed under any of these keys, ascending, each once. */
    public List<Long> positions(Collection<String> keys) {
        TreeSet<Long> positions = new TreeSet<>();
        if (keys.isEmpty()) {
            return List.of();
        }
        for (Document document : index.find(in("_id", keys))) {
            for (Object p : document.getList(AuditIndexUpdates.POSITIONS, Object.class, List.of())) {
                positions.add(((Number) p).longValue());
            }
            for (Document timed : document.getList(AuditIndexUpdates.TIMED, Document.class, List.of())) {
                positions.add(timed.get(AuditIndexUpdates.POSITIONS, Number.class).longValue());
            }
        }
        return new ArrayList<>(positions);
    }

    public List<Long> positions(String key) {
        return positions(List.of(key));
    }

    /** Whether anything was ever indexed under the key. */
    public boolean known(String key) {
        return index.find(eq("_id", key)).projection(new Document("_id", 1)).first() != null;
    }

    /** The position of the event with this id, or null. */
    public Long positionOfEvent(String eventId) {
        List<Long> positions = positions(AuditKeys.event(eventId));
        return positions.isEmpty() ? null : positions.get(0);
    }

    /**
     * P(T): the highest position whose event time is at or before {@code at}, 0 before the first event. Reads the
     * hours of T's day up to T in one lookup; when none holds an event, steps back a day-document batch at a time
     * (each day document keeps its highest position), never before the day of the first event.
     */
    public long positionAt(Instant at) {
        Instant day = AuditKeys.dayOf(at);
        List<String> hours = new ArrayList<>();
        for (Instant hour = AuditKeys.hourOf(at); !hour.isBefore(day); hour = hour.minus(Duration.ofHours(1))) {
            hours.add(AuditKeys.hour(hour));
        }
        long best = 0;
        long atMillis = at.toEpochMilli();
        for (Document document : index.find(in("_id", hours))) {
            for (Document timed : document.getList(AuditIndexUpdates.TIMED, Document.class, List.of())) {
                long position = timed.get(AuditIndexUpdates.POSITIONS, Number.class).longValue();
                if (timed.get("t", Number.class).longValue() <= atMillis && position > best) {
                    best = position;
                }
            }
        }
        if (best > 0) {
            return best;
        }
        Instant first = firstEventTime();
        if (first == null || at.isBefore(first)) {
            return 0;
        }
        Instant firstDay = AuditKeys.dayOf(first);
        for (Instant end = day.minus(Duration.ofDays(1)); !end.isBefore(firstDay);
             end = end.minus(Duration.ofDays(DAYS_PER_LOOKUP))) {
            List<String> days = new ArrayList<>();
            for (int i = 0; i < DAYS_PER_LOOKUP && !end.minus(Duration.ofDays(i)).isBefore(firstDay); i++) {
                days.add(AuditKeys.day(end.minus(Duration.ofDays(i))));
            }
            long last = 0;
            for (Document document : index.find(in("_id", days))) {
                Number n = document.get(AuditIndexUpdates.LAST, Number.class);
                if (n != null) {
                    last = Math.max(last, n.longValue());
                }
            }
            if (last > 0) {
                return last;
            }
        }
        return 0;
    }

    /** The time of the first event indexed, or null before any. */
    public Instant firstEventTime() {
        Document span = index.find(eq("_id", AuditKeys.SPAN)).first();
        Number first = span == null ? null : span.get(AuditIndexUpdates.FIRST_TIME, Number.class);
        return first == null ? null : Instant.ofEpochMilli(first.longValue());
    }
}
