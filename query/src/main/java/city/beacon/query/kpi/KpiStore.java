package city.beacon.query.kpi;

import city.beacon.query.support.Documents;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
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
 * The KPI read model, shaped so every read is keyed by {@code _id} (DESIGN §4): {@code kpi_days} holds one document
 * per UTC day with the facts of the tasks requested that day, so a period reads its days by {@code $in} and never
 * scans history; {@code kpi_task_days} tells which day a task belongs to; {@code kpi_incidents} holds each incident's
 * type and drill flag.
 */
class KpiStore {
    private static final int BATCH = 500;
    private final MongoCollection<Document> days;
    private final MongoCollection<Document> taskDays;
    private final MongoCollection<Document> incidents;

    KpiStore(MongoDatabase database) {
        this.days = database.getCollection("kpi_days");
        this.taskDays = database.getCollection("kpi_task_days");
        this.incidents = database.getCollection("kpi_incidents");
    }

    KpiDay day(String day) {
        var document = days.find(eq("_id", day)).first();
        return document == null ? new KpiDay(List.of()) : Documents.fromDocument(document, KpiDay.class);
    }

    List<KpiDay> days(Collection<String> ids) {
        var found = new ArrayList<KpiDay>();
        each(ids, batch -> days.find(in("_id", batch)).forEach(d -> found.add(Documents.fromDocument(d, KpiDay.class))));
        return found;
    }

    void saveDay(String day, KpiDay facts) {
        days.replaceOne(eq("_id", day), Documents.toDocument(day, facts), new ReplaceOptions().upsert(true));
    }

    String dayOf(String taskId) {
        var document = taskDays.find(eq("_id", taskId)).first();
        return document == null ? null : document.getString("day");
    }

    void rememberDay(String taskId, String day) {
        taskDays.replaceOne(eq("_id", taskId), new Document("_id", taskId).append("day", day),
                new ReplaceOptions().upsert(true));
    }

    IncidentFacts incident(String id) {
        var document = incidents.find(eq("_id", id)).first();
        return document == null ? null : Documents.fromDocument(document, IncidentFacts.class);
    }

    Map<String, IncidentFacts> incidents(Collection<String> ids) {
        var found = new HashMap<String, IncidentFacts>();
        each(ids, batch -> incidents.find(in("_id", batch))
                .forEach(d -> found.put(d.getString("_id"), Documents.fromDocument(d, IncidentFacts.class))));
        return found;
    }

    void saveIncident(String id, IncidentFacts facts) {
        incidents.replaceOne(eq("_id", id), Documents.toDocument(id, facts), new ReplaceOptions().upsert(true));
    }

    void clear() {
        days.deleteMany(new Document());
        taskDays.deleteMany(new Document());
        incidents.deleteMany(new Document());
    }

    private static void each(Collection<String> ids, java.util.function.Consumer<List<String>> read) {
        var unique = new ArrayList<>(new LinkedHashSet<>(ids));
        for (int from = 0; from < unique.size(); from += BATCH) {
            read.accept(unique.subList(from, Math.min(unique.size(), from + BATCH)));
        }
    }
}
