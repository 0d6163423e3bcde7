package city.beacon.query.incident;

import city.beacon.api.common.Actor;
import city.beacon.api.incident.*;
import city.beacon.api.task.*;
import city.beacon.api.unit.UnitAssignedEvent;
import city.beacon.api.unit.UnitReleasedEvent;
import city.beacon.query.board.BoardStore;
import city.beacon.query.support.Documents;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.ReplaceOptions;
import org.axonframework.config.ProcessingGroup;
import city.beacon.api.sensor.SensorAlarmLinkedEvent;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.queryhandling.QueryHandler;
import org.bson.Document;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

import static com.mongodb.client.model.Filters.eq;

/**
 * One document per incident, keyed by its id, holding its facts, its tasks and its timeline, so the incident panel
 * and an auditor's history are one keyed read. The document remembers the incident's sequence number and each task's,
 * so an event delivered twice (a replay, a retried batch) changes nothing.
 */
@Component
@ProcessingGroup(IncidentProjection.GROUP)
public class IncidentProjection {
    public static final String GROUP = "incident-detail";
    private final MongoCollection<Document> incidents;
    private final BoardStore board;

    public IncidentProjection(MongoDatabase beaconDatabase, BoardStore board) {
        this.incidents = beaconDatabase.getCollection("incidents");
        this.board = board;
    }

    @EventHandler
    void on(IncidentReportedEvent e, EventMessage<?> message) {
        var id = e.incidentId().value();
        var existing = load(id);
        if (existing != null) {
            board.track(existing);
            return;
        }
        var actor = Actor.fromMetaData(message.getMetaData());
        var view = new IncidentView(id, e.number().value(), e.type(), e.severity(), e.urgency(), e.certainty(),
                IncidentStatus.REPORTED, e.location(), e.summary(), e.source(), e.drill(),
                actor == null ? null : actor.userId(), e.reportedAt(), e.reportedAt(), null, null, null, false,
                null, null, 0);
        var draft = IncidentDraft.of(view);
        draft.timeline.add(line(message, e, e.reportedAt()));
        save(draft.build());
    }

    @EventHandler
    void on(IncidentConfirmedEvent e, EventMessage<?> m, @SequenceNumber long seq) {
        incident(e.incidentId(), m, seq, e.confirmedAt(), d -> d.status = IncidentStatus.CONFIRMED);
    }

    @EventHandler
    void on(IncidentReclassifiedEvent e, EventMessage<?> m, @SequenceNumber long seq) {
        incident(e.incidentId(), m, seq, e.reclassifiedAt(), d -> {
            d.type = e.type();
            d.severity = e.severity();
            d.urgency = e.urgency();
            d.certainty = e.certainty();
        });
    }

    @EventHandler
    void on(IncidentLocationUpdatedEvent e, EventMessage<?> m, @SequenceNumber long seq) {
        incident(e.incidentId(), m, seq, e.updatedAt(), d -> d.location = e.location());
    }

    @EventHandler
    void on(IncidentNoteAddedEvent e, EventMessage<?> m, @SequenceNumber long seq) {
        incident(e.incidentId(), m, seq, e.addedAt(), d -> { });
    }

    @EventHandler
    void on(IncidentResponseStartedEvent e, EventMessage<?> m, @SequenceNumber long seq) {
        incident(e.incidentId(), m, seq, e.startedAt(), d -> d.status = IncidentStatus.RESPONDING);
    }

    @EventHandler
    void on(IncidentReadyToContainEvent e, EventMessage<?> m, @SequenceNumber long seq) {
        incident(e.incidentId(), m, seq, e.declaredAt(), d -> d.readyToContain = true);
    }

    @EventHandler
    void on(IncidentContainedEvent e, EventMessage<?> m, @SequenceNumber long seq) {
        incident(e.incidentId(), m, seq, e.containedAt(), d -> d.status = IncidentStatus.CONTAINED);
    }

    @EventHandler
    void on(IncidentResolvedEvent e, EventMessage<?> m, @SequenceNumber long seq) {
        incident(e.incidentId(), m, seq, e.resolvedAt(), d -> {
            d.status = IncidentStatus.RESOLVED;
            d.resolution = e.resolution();
        });
    }

    @EventHandler
    void on(IncidentClosedEvent e, EventMessage<?> m, @SequenceNumber long seq) {
        incident(e.incidentId(), m, seq, e.closedAt(), d -> d.status = IncidentStatus.CLOSED);
    }

    @EventHandler
    void on(IncidentCancelledEvent e, EventMessage<?> m, @SequenceNumber long seq) {
        incident(e.incidentId(), m, seq, e.cancelledAt(), d -> {
            d.status = IncidentStatus.CANCELLED;
            d.cancelReason = e.reason();
        });
    }

    @EventHandler
    void on(IncidentMergedEvent e, EventMessage<?> m, @SequenceNumber long seq) {
        incident(e.incidentId(), m, seq, e.mergedAt(), d -> {
            d.status = IncidentStatus.MERGED;
            d.mergedInto = e.into().value();
        });
    }

    @EventHandler
    void on(TaskRequestedEvent e, EventMessage<?> m, @SequenceNumber long seq) {
        task(e.incidentId(), e.taskId(), m, seq, e.requestedAt(), ignored -> new IncidentTaskView(e.taskId().value(),
                e.department().code(), e.action(), e.priority(), TaskStatus.REQUESTED, 0, e.acknowledgeBy(),
                e.requestedAt(), null, null, null, null, seq));
    }

    @EventHandler
    void on(TaskAcknowledgedEvent e, EventMessage<?> m, @SequenceNumber long seq) {
        task(e.incidentId(), e.taskId(), m, seq, e.acknowledgedAt(), t -> new IncidentTaskView(t.taskId(),
                t.department(), t.action(), t.priority(), TaskStatus.ACKNOWLEDGED, t.escalationLevel(),
                t.acknowledgeBy(), t.requestedAt(), e.acknowledgedAt(), e.by(), t.lastNote(), t.outcome(), seq));
    }

    @EventHandler
    void on(TaskDeclinedEvent e, EventMessage<?> m, @SequenceNumber long seq) {
        task(e.incidentId(), e.taskId(), m, seq, e.declinedAt(), t -> changed(t, TaskStatus.DECLINED, e.reason(),
                t.outcome(), seq));
    }

    @EventHandler
    void on(TaskProgressReportedEvent e, EventMessage<?> m, @SequenceNumber long seq) {
        task(e.incidentId(), e.taskId(), m, seq, e.reportedAt(), t -> changed(t, e.status(),
                e.note() == null ? t.lastNote() : e.note(), t.outcome(), seq));
    }

    @EventHandler
    void on(TaskCompletedEvent e, EventMessage<?> m, @SequenceNumber long seq) {
        task(e.incidentId(), e.taskId(), m, seq, e.completedAt(), t -> changed(t, TaskStatus.COMPLETED, t.lastNote(),
                e.outcome(), seq));
    }

    @EventHandler
    void on(TaskCancelledEvent e, EventMessage<?> m, @SequenceNumber long seq) {
        task(e.incidentId(), e.taskId(), m, seq, e.cancelledAt(), t -> changed(t, TaskStatus.CANCELLED, t.lastNote(),
                t.outcome(), seq));
    }

    @EventHandler
    void on(TaskEscalatedEvent e, EventMessage<?> m, @SequenceNumber long seq) {
        task(e.incidentId(), e.taskId(), m, seq, e.escalatedAt(), t -> new IncidentTaskView(t.taskId(),
                t.department(), t.action(), t.priority(), TaskStatus.ESCALATED, e.level(),
                e.nextDeadline() == null ? t.acknowledgeBy() : e.nextDeadline(), t.requestedAt(), t.acknowledgedAt(),
                t.acknowledgedBy(), t.lastNote(), t.outcome(), seq));
    }

    @EventHandler
    void on(TaskNotificationDeliveredEvent e, EventMessage<?> m, @SequenceNumber long seq) {
        task(e.incidentId(), e.taskId(), m, seq, e.deliveredAt(), t -> changed(t, t.status(), t.lastNote(),
                t.outcome(), seq));
    }

    @EventHandler
    void on(TaskNotificationFailedEvent e, EventMessage<?> m, @SequenceNumber long seq) {
        task(e.incidentId(), e.taskId(), m, seq, e.failedAt(), t -> changed(t, t.status(), t.lastNote(),
                t.outcome(), seq));
    }

    @EventHandler
    void on(UnitAssignedEvent e, EventMessage<?> m) {
        timelineOnly(e.incidentId(), m, e.assignedAt());
    }

    @EventHandler
    void on(UnitReleasedEvent e, EventMessage<?> m) {
        timelineOnly(e.incidentId(), m, e.releasedAt());
    }

    @EventHandler
    void on(PublicWarningIssuedEvent e, EventMessage<?> m, @SequenceNumber long seq) {
        incident(e.incidentId(), m, seq, e.issuedAt(), draft -> { });
    }

    @EventHandler
    void on(SensorAlarmLinkedEvent e, EventMessage<?> m) {
        timelineOnly(e.incidentId(), m, e.linkedAt());
    }

    @QueryHandler
    Optional<IncidentView> handle(FindIncidentQuery query) {
        return Optional.ofNullable(load(query.incidentId().value()));
    }

    @ResetHandler
    void reset() {
        incidents.deleteMany(new Document());
        board.clear();
    }

    private void incident(IncidentId id, EventMessage<?> message, long seq, Instant at, Consumer<IncidentDraft> change) {
        var current = load(id.value());
        if (current == null) {
            return;   // an incident this model never saw reported
        }
        if (current.version() >= seq) {
            board.track(current);   // already applied; the board write may not have happened before a crash
            return;
        }
        var draft = IncidentDraft.of(current);
        change.accept(draft);
        draft.version = seq;
        draft.lastChangedAt = at;
        draft.timeline.add(line(message, message.getPayload(), at));
        save(draft.build());
    }

    private void task(IncidentId incidentId, TaskId taskId, EventMessage<?> message, long seq, Instant at,
                      UnaryOperator<IncidentTaskView> change) {
        var current = load(incidentId.value());
        if (current == null) {
            return;
        }
        var draft = IncidentDraft.of(current);
        int index = -1;
        for (int i = 0; i < draft.tasks.size(); i++) {
            if (draft.tasks.get(i).taskId().equals(taskId.value())) {
                index = i;
            }
        }
        if (index >= 0 && draft.tasks.get(index).seq() >= seq || index < 0 && seq > 0) {
            board.track(current);
            return;
        }
        var next = change.apply(index >= 0 ? draft.tasks.get(index) : null);
        if (index >= 0) {
            draft.tasks.set(index, next);
        } else {
            draft.tasks.add(next);
        }
        draft.lastChangedAt = at;
        draft.timeline.add(line(message, message.getPayload(), at));
        save(draft.build());
    }

    /**
     * A line for another aggregate's event about this incident (a unit assigned or released). Its sequence number
     * is the unit's, not the incident's, so the line's event id tells whether it was applied before.
     */
    private void timelineOnly(IncidentId id, EventMessage<?> message, Instant at) {
        var current = load(id.value());
        if (current == null) {
            return;
        }
        if (current.timeline().stream().anyMatch(line -> message.getIdentifier().equals(line.eventId()))) {
            board.track(current);
            return;
        }
        var draft = IncidentDraft.of(current);
        draft.timeline.add(line(message, message.getPayload(), at));
        save(draft.build());
    }

    private static IncidentTaskView changed(IncidentTaskView t, TaskStatus status, String note, String outcome, long seq) {
        return new IncidentTaskView(t.taskId(), t.department(), t.action(), t.priority(), status, t.escalationLevel(),
                t.acknowledgeBy(), t.requestedAt(), t.acknowledgedAt(), t.acknowledgedBy(), note, outcome, seq);
    }

    /** Dated by the domain's own clock (the time in the event), not by when the message was created. */
    private static TimelineEntry line(EventMessage<?> message, Object event, Instant at) {
        var actor = Actor.fromMetaData(message.getMetaData());
        return new TimelineEntry(message.getIdentifier(), at,
                actor == null ? null : actor.userId(), actor == null ? null : actor.role().name(),
                event.getClass().getSimpleName().replaceFirst("Event$", ""), TimelineText.of(event));
    }

    /** The detail first: it records what was applied; a redelivered event re-tracks the board (see above). */
    private void save(IncidentView view) {
        incidents.replaceOne(eq("_id", view.id()), Documents.toDocument(view.id(), view), new ReplaceOptions().upsert(true));
        board.track(view);
    }

    private IncidentView load(String id) {
        var document = incidents.find(eq("_id", id)).first();
        return document == null ? null : Documents.fromDocument(document, IncidentView.class);
    }
}
