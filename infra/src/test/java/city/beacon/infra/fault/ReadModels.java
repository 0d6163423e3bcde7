package city.beacon.infra.fault;

import com.mongodb.client.MongoDatabase;
import org.bson.Document;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The read models' documents, read with the driver and made comparable across a live run and a replay: the stream
 * positions a document recorded as applied are left out (a live run saw gaps a replay does not), and lists are
 * compared as multisets, since events of different aggregates that commit concurrently may be applied in another
 * order live than in a replay. A document missing, extra or different (an event lost or applied twice) still shows.
 */
final class ReadModels {
    static final List<String> COLLECTIONS = List.of("incidents", "incident_timeline", "board", "tasks", "task_queues",
            "units", "kpi_days", "kpi_task_days", "kpi_incidents");

    private ReadModels() {
    }

    /** Collection name → its documents as canonical JSON, sorted. */
    static Map<String, List<String>> dump(MongoDatabase database) {
        Map<String, List<String>> dump = new TreeMap<>();
        for (String name : COLLECTIONS) {
            List<String> documents = new ArrayList<>();
            for (Document document : database.getCollection(name).find()) {
                document.remove("_applied");
                documents.add(canonical(document).toJson());
            }
            documents.sort(Comparator.naturalOrder());
            dump.put(name, documents);
        }
        return dump;
    }

    /** What only {@code left} has that {@code right} has not, as a multiset difference. */
    static List<String> onlyIn(List<String> left, List<String> right) {
        var difference = new ArrayList<>(left);
        right.forEach(difference::remove);
        return difference;
    }

    private static Document canonical(Document document) {
        var sorted = new Document();
        document.forEach((key, value) -> sorted.put(key, canonicalValue(value)));
        return sorted;
    }

    private static Object canonicalValue(Object value) {
        if (value instanceof Document nested) {
            return canonical(nested);
        }
        if (value instanceof List<?> list) {
            List<Object> items = new ArrayList<>();
            list.forEach(item -> items.add(canonicalValue(item)));
            items.sort(Comparator.comparing(item -> item instanceof Document d ? d.toJson() : String.valueOf(item)));
            return items;
        }
        return value;
    }
}
