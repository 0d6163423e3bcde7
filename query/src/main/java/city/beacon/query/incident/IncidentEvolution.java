package city.beacon.query.incident;

import city.beacon.api.common.Actor;
import city.beacon.api.incident.*;
import city.beacon.api.live.EventFacts;
import city.beacon.api.live.Evolved;
import city.beacon.api.sensor.SensorAlarmLinkedEvent;
import city.beacon.api.task.*;
import city.beacon.api.unit.UnitAssignedEvent;
import city.beacon.api.unit.UnitReleasedEvent;

import java.time.Instant;
import java.util.ArrayList;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

/**
 * How one event changes an incident's view, as a pure function: the incident-detail projection writes what it
 * returns, and every node's live relay applies it to the views it follows. The view remembers the incident's
 * sequence number and each task's, so an event applied twice changes nothing, and a base that misses earlier events
 * of the incident or of one of its tasks is recognised ({@link Evolved.Outcome#BEHIND}). The view's timeline is the
 * latest page of the incident's timeline.
 */
public final class IncidentEvolution {
    /** Lines per timeline page. */
    public static final int TIMELINE_PAGE = 100;

    private IncidentEvolution() { }

    public static Evolved<IncidentView> apply(IncidentView base, Object event, EventFacts facts) {
        if (event instanceof IncidentReportedEvent e) {
            return base != null ? Evolved.unchanged(base) : Evolved.applied(reported(e, facts));
        }
        if (base == null) {
            return Evolved.unchanged(null);   // an incident this view never saw reported
        }
        if (event instanceof IncidentConfirmedEvent e) {
            return incident(base, e, facts, e.confirmedAt(),
                        d -> d.status = IncidentStatus.CONFIRMED);
        }
        if (event instanceof IncidentReclassifiedEvent e) {
            return incident(base, e, facts, e.reclassifiedAt(), d -> {
                    d.type = e.type();
                    d.severity = e.severity();
                    d.urgency = e.urgency();
                    d.certainty = e.certainty();
                });
        }
        if (event instanceof IncidentLocationUpdatedEvent e) {
            return incident(base, e, facts, e.updatedAt(), d -> d.location = e.location());
        }
        if (event instanceof IncidentNoteAddedEvent e) {
            return incident(base, e, facts, e.addedAt(), d -> { });
        }
        if (event instanceof IncidentResponseStartedEvent e) {
            return incident(base, e, facts, e.startedAt(),
                        d -> d.status = IncidentStatus.RESPONDING);
        }
        if (event instanceof IncidentReadyToContainEvent e) {
            return incident(base, e, facts, e.declaredAt(), d -> d.readyToContain = true);
        }
        if (event instanceof IncidentContainedEvent e) {
            return incident(base, e, facts, e.containedAt(),
                        d -> d.status = IncidentStatus.CONTAINED);
        }
        if (event instanceof IncidentResolvedEvent e) {
            return incident(base, e, facts, e.resolvedAt(), d -> {
                    d.status = IncidentStatus.RESOLVED;
                    d.resolution = e.resolution();
                });
        }
        if (event instanceof IncidentClosedEvent e) {
            return incident(base, e, facts, e.closedAt(), d -> d.status = IncidentStatus.CLOSED);
        }
        if (event instanceof IncidentCancelledEvent e) {
            return incident(base, e, facts, e.cancelledAt(), d -> {
                    d.status = IncidentStatus.CANCELLED;
                    d.cancelReason = e.reason();
                });
        }
        if (event instanceof IncidentMergedEvent e) {
            return incident(base, e, facts, e.mergedAt(), d -> {
                    d.status = IncidentStatus.MERGED;
                    d.mergedInto = e.into().value();
                });
        }
        if (event instanceof PublicWarningIssuedEvent e) {
            return incident(base, e, facts, e.issuedAt(), d -> { });
        }
        if (event instanceof TaskRequestedEvent e) {
            return task(base, e.taskId(), e, facts, e.requestedAt(), ignored ->
                        new IncidentTaskView(e.taskId().value(), e.department().code(), e.action(), e.priority(),
                                TaskStatus.REQUESTED, 0, e.acknowledgeBy(), e.requestedAt(), null, null, null, null,
                                facts.sequence()));
        }
        if (event instanceof TaskAcknowledgedEvent e) {
            return task(base, e.taskId(), e, facts, e.acknowledgedAt(), t ->
                        new IncidentTaskView(t.taskId(), t.department(), t.action(), t.priority(), TaskStatus.ACKNOWLEDGED,
                                t.escalationLevel(), t.acknowledgeBy(), t.requestedAt(), e.acknowledgedAt(), e.by(),
                                t.lastNote(), t.outcome(), facts.sequence()));
        }
        if (event instanceof TaskDeclinedEvent e) {
            return task(base, e.taskId(), e, facts, e.declinedAt(),
                        t -> changed(t, TaskStatus.DECLINED, e.reason(), t.outcome(), facts.sequence()));
        }
        if (event instanceof TaskProgressReportedEvent e) {
            return task(base, e.taskId(), e, facts, e.reportedAt(),
                        t -> changed(t, e.status(), e.note() == null ? t.lastNote() : e.note(), t.outcome(),
                                facts.sequence()));
        }
        if (event instanceof TaskCompletedEvent e) {
            return task(base, e.taskId(), e, facts, e.completedAt(),
                        t -> changed(t, TaskStatus.COMPLETED, t.lastNote(), e.outcome(), facts.sequence()));
        }
        if (event instanceof TaskCancelledEvent e) {
            return task(base, e.taskId(), e, facts, e.cancelledAt(),
                        t -> changed(t, TaskStatus.CANCELLED, t.lastNote(), t.outcome(), facts.sequence()));
        }
        if (event instanceof TaskEscalatedEvent e) {
            return task(base, e.taskId(), e, facts, e.escalatedAt(), t ->
                        new IncidentTaskView(t.taskId(), t.department(), t.action(), t.priority(), TaskStatus.ESCALATED,
                                e.level(), e.nextDeadline() == null ? t.acknowledgeBy() : e.nextDeadline(),
                                t.requestedAt(), t.acknowledgedAt(), t.acknowledgedBy(), t.lastNote(), t.outcome(),
                                facts.sequence()));
        }
        if (event instanceof TaskNotificationDeliveredEvent e) {
            return task(base, e.taskId(), e, facts, e.deliveredAt(),
                        t -> changed(t, t.status(), t.lastNote(), t.outcome(), facts.sequence()));
        }
        if (event instanceof TaskNotificationFailedEvent e) {
            return task(base, e.taskId(), e, facts, e.failedAt(),
                        t -> changed(t, t.status(), t.lastNote(), t.outcome(), facts.sequence()));
        }
        if (event instanceof UnitAssignedEvent e) {
            return timelineOnly(base, e, facts, e.assignedAt());
        }
        if (event instanceof UnitReleasedEvent e) {
            return timelineOnly(base, e, facts, e.releasedAt());
        }
        if (event instanceof SensorAlarmLinkedEvent e) {
            return timelineOnly(base, e, facts, e.linkedAt());
        }
        return Evolved.unchanged(base);
    }

    private static IncidentView reported(IncidentReportedEvent e, EventFacts facts) {
        var actor = Actor.fromMetaData(facts.metaData());
        var view = new IncidentView(e.incidentId().value(), e.number().value(), e.type(), e.severity(), e.urgency(),
                e.certainty(), IncidentStatus.REPORTED, e.location(), e.summary(), e.source(), e.drill(),
                actor == null ? null : actor.userId(), e.reportedAt(), e.reportedAt(), null, null, null, false,
                null, null, 0);
        var draft = IncidentDraft.of(view);
        append(draft, line(facts, e, e.reportedAt()));
        return draft.build();
    }

    private static Evolved<IncidentView> incident(IncidentView current, Object event, EventFacts facts, Instant at,
                                                  Consumer<IncidentDraft> change) {
        long seq = facts.sequence();
        if (current.version() >= seq) {
            return Evolved.unchanged(current);
        }
        if (current.version() < seq - 1) {
            return Evolved.behind(current);   // the projection sees every event in order: only a relay's base can be
        }
        var draft = IncidentDraft.of(current);
        change.accept(draft);
        draft.version = seq;
        draft.lastChangedAt = at;
        append(draft, line(facts, event, at));
        return Evolved.applied(draft.build());
    }

    private static Evolved<IncidentView> task(IncidentView current, TaskId taskId, Object event, EventFacts facts,
                                              Instant at, UnaryOperator<IncidentTaskView> change) {
        long seq = facts.sequence();
        int index = -1;
        for (int i = 0; i < current.tasks().size(); i++) {
            if (current.tasks().get(i).taskId().equals(taskId.value())) {
                index = i;
            }
        }
        if (index >= 0 && current.tasks().get(index).seq() >= seq) {
            return Evolved.unchanged(current);
        }
        if (index < 0 && seq > 0 || index >= 0 && current.tasks().get(index).seq() < seq - 1) {
            return Evolved.behind(current);
        }
        var draft = IncidentDraft.of(current);
        var next = change.apply(index >= 0 ? draft.tasks.get(index) : null);
        if (index >= 0) {
            draft.tasks.set(index, next);
        } else {
            draft.tasks.add(next);
        }
        draft.lastChangedAt = at;
        append(draft, line(facts, event, at));
        return Evolved.applied(draft.build());
    }

    /**
     * A line for another aggregate's event about this incident (a unit assigned or released, a sensor alarm linked).
     * Its sequence number is not the incident's, so the line's event id tells whether it was applied before.
     */
    private static Evolved<IncidentView> timelineOnly(IncidentView current, Object event, EventFacts facts, Instant at) {
        if (current.timeline().stream().anyMatch(line -> facts.eventId().equals(line.eventId()))) {
            return Evolved.unchanged(current);
        }
        var draft = IncidentDraft.of(current);
        append(draft, line(facts, event, at));
        return Evolved.applied(draft.build());
    }

    /**
     * Adds a line to the view's timeline, which holds the latest page only: once a page has {@value #TIMELINE_PAGE}
     * lines the next line starts a new one (the projection keeps the full pages in documents of their own), so an
     * incident's document and every live message about it stay small however long the incident lives.
     */
    private static void append(IncidentDraft draft, TimelineEntry line) {
        if (draft.timeline.size() >= TIMELINE_PAGE) {
            draft.timeline = new ArrayList<>();
        }
        draft.timeline.add(line);
    }

    private static IncidentTaskView changed(IncidentTaskView t, TaskStatus status, String note, String outcome, long seq) {
        return new IncidentTaskView(t.taskId(), t.department(), t.action(), t.priority(), status, t.escalationLevel(),
                t.acknowledgeBy(), t.requestedAt(), t.acknowledgedAt(), t.acknowledgedBy(), note, outcome, seq);
    }

    /** Dated by the domain's own clock (the time in the event), not by when the message was created. */
    private static TimelineEntry line(EventFacts facts, Object event, Instant at) {
        var actor = Actor.fromMetaData(facts.metaData());
        return new TimelineEntry(facts.eventId(), at,
                actor == null ? null : actor.userId(), actor == null ? null : actor.role().name(),
                event.getClass().getSimpleName().replaceFirst("Event$", ""), TimelineText.of(event));
    }
}
