package city.beacon.query.task;

import city.beacon.api.task.TaskView;
import city.beacon.query.support.Documents;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.PushOptions;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import org.bson.Document;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;

import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.in;

/**
 * The task read model, shaped so every read is a keyed lookup (DESIGN §4): {@code tasks} holds one document per
 * task by id; {@code task_queues} one document per department (id = department code) listing the ids of its open
 * tasks and of its last {@value #ENDED_KEPT} ended ones. Queue membership changes with single-document
 * {@code $addToSet}/{@code $pull}/{@code $push} updates, each safe to repeat.
 */
class TaskStore {
    static final int ENDED_KEPT = 200;
    private static final int BATCH = 500;
    private static final String OPEN = "open";
    private static final String ENDED = "ended";
    private final MongoCollection<Document> tasks;
    private final MongoCollection<Document> queues;

    TaskStore(MongoDatabase database) {
        this.tasks = database.getCollection("tasks");
        this.queues = database.getCollection("task_queues");
    }

    TaskView load(String id) {
        var document = tasks.find(eq("_id", id)).first();
        return document == null ? null : Documents.fromDocument(document, TaskView.class);
    }

    List<TaskView> loadAll(Collection<String> ids) {
        var unique = new ArrayList<>(new LinkedHashSet<>(ids));
        var views = new ArrayList<TaskView>(unique.size());
        for (int from = 0; from < unique.size(); from += BATCH) {
            var batch = unique.subList(from, Math.min(unique.size(), from + BATCH));
            tasks.find(in("_id", batch)).forEach(d -> views.add(Documents.fromDocument(d, TaskView.class)));
        }
        return views;
    }

    void save(TaskView view) {
        tasks.replaceOne(eq("_id", view.id()), Documents.toDocument(view.id(), view), new ReplaceOptions().upsert(true));
    }

    void opened(String department, String id) {
        queues.updateOne(eq("_id", department), Updates.addToSet(OPEN, id), new UpdateOptions().upsert(true));
    }

    /** Moves a task to the end of the ended list; pulling first keeps a repeated move from listing it twice. */
    void ended(String department, String id) {
        queues.updateOne(eq("_id", department), Updates.combine(Updates.pull(OPEN, id), Updates.pull(ENDED, id)),
                new UpdateOptions().upsert(true));
        queues.updateOne(eq("_id", department),
                Updates.pushEach(ENDED, List.of(id), new PushOptions().slice(-ENDED_KEPT)));
    }

    /** @param department a department code, or null for every department (one small document each) */
    List<Queue> queues(String department) {
        var found = new ArrayList<Queue>();
        var documents = department == null ? queues.find() : queues.find(eq("_id", department));
        documents.forEach(d -> found.add(new Queue(d.getList(OPEN, String.class, List.of()),
                d.getList(ENDED, String.class, List.of()))));
        return found;
    }

    void clear() {
        tasks.deleteMany(new Document());
        queues.deleteMany(new Document());
    }

    record Queue(List<String> open, List<String> ended) { }
}
