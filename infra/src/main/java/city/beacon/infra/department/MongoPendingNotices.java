package city.beacon.infra.department;

import city.beacon.api.common.Department;
import city.beacon.api.incident.IncidentId;
import city.beacon.api.task.NoticeKind;
import city.beacon.api.task.Priority;
import city.beacon.api.task.TaskId;
import city.beacon.saga.notify.TaskNotice;
import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import org.bson.Document;

import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static com.mongodb.client.model.Filters.eq;

/**
 * {@code department_notices}: the outbox of notices not yet settled, keyed by idempotency key. A notice is written
 * when the saga issues it and deleted when it is settled, so the collection stays as small as what is pending; the
 * only full read is at start. Plain derived writes: a notice lost with the last second before a crash is one whose
 * event the saga handles again after the restart, which issues it again with the same key.
 */
final class MongoPendingNotices implements PendingNotices {
    private final MongoCollection<Document> notices;

    MongoPendingNotices(MongoDatabase database) {
        this.notices = database.getCollection("department_notices");
    }

    @Override
    public void add(PendingNotice pending) {
        TaskNotice notice = pending.notice();
        var document = new Document("_id", pending.key())
                .append("kind", notice.kind().name())
                .append("taskId", notice.taskId().value())
                .append("incidentId", notice.incidentId().value())
                .append("department", notice.department().code())
                .append("action", notice.action())
                .append("priority", notice.priority() == null ? null : notice.priority().name())
                .append("acknowledgeBy", notice.acknowledgeBy() == null ? null : notice.acknowledgeBy().toString())
                .append("webhook", pending.webhook().toString())
                .append("issuedAt", pending.issuedAt().toString())
                .append("sequence", pending.sequence());
        try {
            notices.insertOne(document);
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                throw e;
            }
        }
    }

    @Override
    public void remove(String idempotencyKey) {
        notices.deleteOne(eq("_id", idempotencyKey));
    }

    @Override
    public List<PendingNotice> all() {
        var all = new ArrayList<PendingNotice>();
        for (Document d : notices.find()) {
            var notice = new TaskNotice(NoticeKind.valueOf(d.getString("kind")), new TaskId(d.getString("taskId")),
                    new IncidentId(d.getString("incidentId")), new Department(d.getString("department")),
                    d.getString("action"),
                    d.getString("priority") == null ? null : Priority.valueOf(d.getString("priority")),
                    d.getString("acknowledgeBy") == null ? null : Instant.parse(d.getString("acknowledgeBy")),
                    d.getString("_id"));
            all.add(new PendingNotice(notice, URI.create(d.getString("webhook")),
                    Instant.parse(d.getString("issuedAt")), d.getLong("sequence")));
        }
        return all;
    }
}
