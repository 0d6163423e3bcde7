package city.beacon.query.task;

import city.beacon.api.common.Actor;
import city.beacon.api.task.*;
import city.beacon.query.support.Documents;
import city.beacon.query.support.EventPosition;
import com.mongodb.client.MongoDatabase;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.axonframework.queryhandling.QueryHandler;
import org.axonframework.queryhandling.QueryUpdateEmitter;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * The departments' task queues. Each task remembers the aggregate sequence number and the stream positions it has
 * applied, so an event delivered twice changes nothing; queue membership is written before the task (in the same
 * batch), so a crash in between is repaired by the redelivery.
 */
@Component
@ProcessingGroup(TaskProjection.GROUP)
public class TaskProjection {
    public static final String GROUP = "task-queue";
    /** How long an ended task stays in the working queue, so a liaison sees what they just did. */
    static final Duration RECENTLY_ENDED = Duration.ofHours(24);
    private final TaskStore store;
    private final QueryUpdateEmitter updates;
    private final Clock clock;

    public TaskProjection(MongoDatabase beaconDatabase, QueryUpdateEmitter updates, Clock clock) {
        this.store = new TaskStore(beaconDatabase);
        this.updates = updates;
        this.clock = clock;
    }

    @EventHandler
    void on(TaskRequestedEvent e, @SequenceNumber long seq, @MetaDataValue(Actor.USER_ID) String actor) {
        apply(e.taskId(), seq, ignored -> new TaskView(e.taskId().value(), e.incidentId().value(),
                e.department().code(), e.action(), e.priority(), TaskStatus.REQUESTED, 0, null, e.acknowledgeBy(),
                null, e.requestedAt(), null, null, null, actor, e.requestedAt(), null, null, null, null, null, seq));
    }

    @EventHandler
    void on(TaskAcknowledgedEvent e, @SequenceNumber long seq) {
        apply(e.taskId(), seq, v -> TaskViewBuilder.from(v).changed(TaskStatus.ACKNOWLEDGED, e.by(), e.acknowledgedAt())
                .acknowledged(e.by(), e.acknowledgedAt()).build(seq));
    }

    @EventHandler
    void on(TaskDeclinedEvent e, @SequenceNumber long seq) {
        apply(e.taskId(), seq, v -> TaskViewBuilder.from(v).changed(TaskStatus.DECLINED, e.by(), e.declinedAt())
                .declineReason(e.reason()).build(seq));
    }

    @EventHandler
    void on(TaskProgressReportedEvent e, @SequenceNumber long seq) {
        apply(e.taskId(), seq, v -> TaskViewBuilder.from(v).changed(e.status(), e.by(), e.reportedAt())
                .note(e.note()).build(seq));
    }

    @EventHandler
    void on(TaskCompletedEvent e, @SequenceNumber long seq) {
        apply(e.taskId(), seq, v -> TaskViewBuilder.from(v).changed(TaskStatus.COMPLETED, e.by(), e.completedAt())
                .outcome(e.outcome()).build(seq));
    }

    @EventHandler
    void on(TaskCancelledEvent e, @SequenceNumber long seq, @MetaDataValue(Actor.USER_ID) String actor) {
        apply(e.taskId(), seq, v -> TaskViewBuilder.from(v).changed(TaskStatus.CANCELLED, actor, e.cancelledAt())
                .cancelReason(e.reason()).build(seq));
    }

    @EventHandler
    void on(TaskEscalatedEvent e, @SequenceNumber long seq, @MetaDataValue(Actor.USER_ID) String actor) {
        apply(e.taskId(), seq, v -> TaskViewBuilder.from(v).changed(TaskStatus.ESCALATED, actor, e.escalatedAt())
                .escalated(e.level(), e.step(), e.nextDeadline()).build(seq));
    }

    @EventHandler
    void on(TaskNotificationDeliveredEvent e, @SequenceNumber long seq) {
        apply(e.taskId(), seq, v -> TaskViewBuilder.from(v).notification(new TaskNotificationView(e.notice(), true,
                e.recipient(), e.attempts(), null, e.deliveredAt())).build(seq));
    }

    @EventHandler
    void on(TaskNotificationFailedEvent e, @SequenceNumber long seq) {
        apply(e.taskId(), seq, v -> TaskViewBuilder.from(v).notification(new TaskNotificationView(e.notice(), false,
                e.recipient(), e.attempts(), e.reason(), e.failedAt())).build(seq));
    }

    @QueryHandler
    Optional<TaskView> handle(FindTaskQuery query) {
        return Optional.ofNullable(store.load(query.taskId().value()));
    }

    @QueryHandler
    List<TaskView> handle(FindTasksQuery query) {
        var ids = new ArrayList<String>();
        var wantEnded = query.status() == null || query.status().hasEnded();
        var wantOpen = query.status() == null || !query.status().hasEnded();
        for (var queue : store.queues(query.department() == null ? null : query.department().code())) {
            if (wantOpen) {
                ids.addAll(queue.open());
            }
            if (wantEnded) {
                ids.addAll(queue.ended());
            }
        }
        var endedSince = clock.instant().minus(RECENTLY_ENDED);
        return store.loadAll(ids).stream()
                .filter(query::matches)
                .filter(t -> query.status() != null || !t.status().hasEnded() || !t.endedAt().isBefore(endedSince))
                .sorted(TaskQueueOrder.QUEUE)
                .toList();
    }

    @ResetHandler
    void reset() {
        store.clear();
    }

    private void apply(TaskId id, long seq, UnaryOperator<TaskView> change) {
        var position = EventPosition.ofCurrent();
        var stored = store.stored(id.value());
        if (position != null && position.appliedTo(stored)) {
            return;   // written before a crash that kept the batch's token from being stored
        }
        var current = stored == null ? null : Documents.fromDocument(stored, TaskView.class);
        if (current != null && current.version() >= seq) {
            return;
        }
        if (current == null && seq > 0) {
            return;   // a later event for a task this model never saw requested: nothing to change
        }
        var next = change.apply(current);
        if (current == null) {
            store.opened(next.department(), next.id(), position);
        } else if (!current.status().hasEnded() && next.status().hasEnded()) {
            store.ended(next.department(), next.id(), position);
        }
        store.save(next, stored, position);
        updates.emit(FindTaskQuery.class, q -> q.taskId().value().equals(next.id()), next);
        updates.emit(FindTasksQuery.class, q -> q.matches(next), next);
    }
}
