package city.beacon.query.task;

import city.beacon.api.task.TaskView;
import city.beacon.query.support.BatchedCollection;
import city.beacon.query.support.Documents;
import city.beacon.query.support.EventPosition;
import com.mongodb.client.MongoDatabase;
import org.bson.Document;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import static com.mongodb.client.model.Filters.eq;

/**
 * The task read model, shaped so every read is a keyed lookup (DESIGN §4): {@code tasks} holds one document per
 * task by id; {@code task_queues} one document per department (id = department code) listing the ids of its open
 * tasks and of its last {@value #ENDED_KEPT} ended ones. Both are written through the processor's batch; a queue is
 * written before its tasks (a crash in between is repaired by the redelivery, which finds the task unapplied), and
 * each queue document records the stream positions it applied, since many tasks' events change it.
 */
class TaskStore {
    static final int ENDED_KEPT = 200;
    private static final String OPEN = "open";
    private static final String ENDED = "ended";
    private final BatchedCollection tasks;
    private final BatchedCollection queues;

    TaskStore(MongoDatabase database) {
        this.tasks = new BatchedCollection(database.getCollection("tasks"), 2);
        this.queues = new BatchedCollection(database.getCollection("task_queues"), 1);
    }

    Document stored(String id) {
        return tasks.find(id);
    }

    TaskView load(String id) {
        var document = tasks.find(id);
        return document == null ? null : Documents.fromDocument(document, TaskView.class);
    }

    List<TaskView> loadAll(Collection<String> ids) {
        var found = tasks.findAll(ids);
        var views = new ArrayList<TaskView>(found.size());
        for (String id : ids) {
            var document = found.get(id);
            if (document != null) {
                views.add(Documents.fromDocument(document, TaskView.class));
            }
        }
        return views;
    }

    void save(TaskView view, Document stored, EventPosition position) {
        var document = Documents.toDocument(view.id(), view);
        EventPosition.carry(stored, document);
        if (position != null) {
            position.recordIn(document);
        }
        tasks.replace(document);
    }

    void opened(String department, String id, EventPosition position) {
        changeQueue(department, position, (open, ended) -> {
            if (!open.contains(id)) {
                open.add(id);
            }
        });
    }

    /** Moves a task to the end of the ended list, keeping the last {@value #ENDED_KEPT}. */
    void ended(String department, String id, EventPosition position) {
        changeQueue(department, position, (open, ended) -> {
            open.remove(id);
            ended.remove(id);
            ended.add(id);
            if (ended.size() > ENDED_KEPT) {
                ended.subList(0, ended.size() - ENDED_KEPT).clear();
            }
        });
    }

    /** @param department a department code, or null for every department (one small document each) */
    List<Queue> queues(String department) {
        var found = new ArrayList<Queue>();
        var documents = department == null ? queues.stored().find() : queues.stored().find(eq("_id", department));
        documents.forEach(d -> found.add(new Queue(d.getList(OPEN, String.class, List.of()),
                d.getList(ENDED, String.class, List.of()))));
        return found;
    }

    void clear() {
        tasks.stored().deleteMany(new Document());
        queues.stored().deleteMany(new Document());
    }

    private void changeQueue(String department, EventPosition position, QueueChange change) {
        var stored = queues.find(department);
        if (position != null && position.appliedTo(stored)) {
            return;
        }
        List<String> open = new ArrayList<>(stored == null ? List.of() : stored.getList(OPEN, String.class, List.of()));
        List<String> ended = new ArrayList<>(stored == null ? List.of() : stored.getList(ENDED, String.class, List.of()));
        change.apply(open, ended);
        var document = new Document("_id", department).append(OPEN, open).append(ENDED, ended);
        EventPosition.carry(stored, document);
        if (position != null) {
            position.recordIn(document);
        }
        queues.replace(document);
    }

    private interface QueueChange {
        void apply(List<String> open, List<String> ended);
    }

    record Queue(List<String> open, List<String> ended) { }
}
