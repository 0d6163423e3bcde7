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
 * The KPI read model, shaped so every read is keyed by {@code _id} (DESIGN §4): {@code kpi_days} holds one document
 * per UTC day with the facts of the tasks requested that day, so a period reads its days by {@code $in} and never
 * scans history; {@code kpi_task_days} tells which day a task belongs to; {@code kpi_incidents} holds each incident's
 * type and drill flag. Day documents gather the tasks of many incidents: each records the stream positions it
 * applied, so a batch redelivered after a crash never counts a task or an acknowledgment twice; a day is written
 * before the task-to-day index that finds it, so a crash in between is repaired by the redelivery.
 */
class KpiStore {
    private static final int BATCH = 500;
    private final BatchedCollection days;
    private final BatchedCollection taskDays;
    private final BatchedCollection incidents;

    KpiStore(MongoDatabase database) {
        this.days = new BatchedCollection(database.getCollection("kpi_days"), 1);
        this.taskDays = new BatchedCollection(database.getCollection("kpi_task_days"), 2);
        this.incidents = new BatchedCollection(database.getCollection("kpi_incidents"), 1);
    }

    /** A day's document as stored (null when none): it records the stream positions it applied. */
    Document storedDay(String day) {
        return days.find(day);
    }

    static KpiDay day(Document stored) {
        return stored == null ? new KpiDay(List.of()) : Documents.fromDocument(stored, KpiDay.class);
    }

    List<KpiDay> days(Collection<String> ids) {
        var found = new ArrayList<KpiDay>();
        each(ids, batch -> days.stored().find(in("_id", batch))
                .forEach(d -> found.add(Documents.fromDocument(d, KpiDay.class))));
        return found;
    }

    void saveDay(String day, KpiDay facts, Document stored, EventPosition position) {
        days.replace(positioned(Documents.toDocument(day, facts), stored, position));
    }

    String dayOf(String taskId) {
        var document = taskDays.find(taskId);
        return document == null ? null : document.getString("day");
    }

    void rememberDay(String taskId, String day) {
        taskDays.replace(new Document("_id", taskId).append("day", day));
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
