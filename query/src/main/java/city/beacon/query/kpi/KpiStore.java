package city.beacon.query.kpi;

import city.beacon.query.support.BatchedCollection;
import city.beacon.query.support.Documents;
import city.beacon.query.support.EventPosition;
import com.mongodb.client.MongoDatabase;
import org.bson.Document;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

import static com.mongodb.client.model.Filters.in;

/**
 * The KPI read model, shaped so every read is keyed by {@code _id} (DESIGN §4): {@code kpi_days} holds the facts of
 * the tasks requested on one UTC day in {@value #BUCKETS} bucket documents ({@code 2026-11-28#17}, a task's bucket
 * chosen by its id), so a period reads its days' buckets by {@code $in} and never scans history;
 * {@code kpi_task_days} tells which day and bucket a task belongs to; {@code kpi_incidents} holds each incident's
 * type and drill flag. Buckets gather the tasks of many incidents: each records the stream positions it applied, so
 * a batch redelivered after a crash never counts a task or an acknowledgment twice; a bucket is written before the
 * task-to-bucket index that finds it, so a crash in between is repaired by the redelivery.
 * <p>
 * Buckets, not one document per day: every event of a task rewrites its whole document, so a day document made
 * each event cost more than the last (replay of 10,000 events ran at ~200 events/s, every other read model at
 * ~500) and a busy city's day (100,000 tasks) would pass MongoDB's 16 MB limit; a bucket of such a day holds ~1,600.
 * A document written before buckets (id: the bare day) is still read and updated, until a rebuild files its tasks
 * into buckets.
 */
class KpiStore {
    static final int BUCKETS = 64;
    private static final int BATCH = 500;
    private final BatchedCollection days;
    private final BatchedCollection taskDays;
    private final BatchedCollection incidents;

    KpiStore(MongoDatabase database) {
        this.days = new BatchedCollection(database.getCollection("kpi_days"), 1);
        this.taskDays = new BatchedCollection(database.getCollection("kpi_task_days"), 2);
        this.incidents = new BatchedCollection(database.getCollection("kpi_incidents"), 1);
    }

    /** The bucket of the day's tasks that holds this task. */
    static String bucket(String day, String taskId) {
        return bucket(day, Math.floorMod(taskId.hashCode(), BUCKETS));   // String.hashCode is the same in every JVM
    }

    private static String bucket(String day, int number) {
        return day + "#" + number;
    }

    /** A bucket as stored (null when none): it records the stream positions it applied. */
    Document storedBucket(String bucket) {
        return days.find(bucket);
    }

    static KpiDay day(Document stored) {
        return stored == null ? new KpiDay(List.of()) : Documents.fromDocument(stored, KpiDay.class);
    }

    /** The tasks of these days, every bucket of them (and a document written before buckets). */
    List<KpiDay> days(Collection<String> dayIds) {
        var ids = new ArrayList<String>();
        for (var day : dayIds) {
            ids.add(day);
            for (int number = 0; number < BUCKETS; number++) {
                ids.add(bucket(day, number));
            }
        }
        var found = new ArrayList<KpiDay>();
        each(ids, batch -> days.stored().find(in("_id", batch))
                .forEach(d -> found.add(Documents.fromDocument(d, KpiDay.class))));
        return found;
    }

    void saveBucket(String bucket, KpiDay facts, Document stored, EventPosition position) {
        days.replace(positioned(Documents.toDocument(bucket, facts), stored, position));
    }

    /** The bucket holding the task (a document written before buckets: its day), or null for a task never seen. */
    String bucketOf(String taskId) {
        var document = taskDays.find(taskId);
        if (document == null) {
            return null;
        }
        var bucket = document.getString("bucket");
        return bucket != null ? bucket : document.getString("day");
    }

    void rememberBucket(String taskId, String day, String bucket) {
        taskDays.replace(new Document("_id", taskId).append("day", day).append("bucket", bucket));
    }

    Document storedIncident(String id) {
        return incidents.find(id);
    }

    static IncidentFacts incident(Document stored) {
        return stored == null ? null : Documents.fromDocument(stored, IncidentFacts.class);
    }

    Map<String, IncidentFacts> incidents(Collection<String> ids) {
        var found = new HashMap<String, IncidentFacts>();
        each(ids, batch -> incidents.stored().find(in("_id", batch))
                .forEach(d -> found.put(d.getString("_id"), Documents.fromDocument(d, IncidentFacts.class))));
        return found;
    }

    void saveIncident(String id, IncidentFacts facts, Document stored, EventPosition position) {
        incidents.replace(positioned(Documents.toDocument(id, facts), stored, position));
    }

    void clear() {
        days.stored().deleteMany(new Document());
        taskDays.stored().deleteMany(new Document());
        incidents.stored().deleteMany(new Document());
    }

    private static Document positioned(Document document, Document stored, EventPosition position) {
        EventPosition.carry(stored, document);
        if (position != null) {
            position.recordIn(document);
        }
        return document;
    }

    private static void each(Collection<String> ids, java.util.function.Consumer<List<String>> read) {
        var unique = new ArrayList<>(new LinkedHashSet<>(ids));
        for (int from = 0; from < unique.size(); from += BATCH) {
            read.accept(unique.subList(from, Math.min(unique.size(), from + BATCH)));
        }
    }
}
