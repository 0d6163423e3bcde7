package city.beacon.query.task;

import city.beacon.api.task.EscalationStep;
import city.beacon.api.task.TaskNotificationView;
import city.beacon.api.task.TaskStatus;
import city.beacon.api.task.TaskView;

import java.time.Instant;

/** Copies a {@link TaskView} with the few fields an event changes; the view itself stays an immutable record. */
final class TaskViewBuilder {
    private final TaskView v;
    private TaskStatus status;
    private int escalationLevel;
    private EscalationStep escalationStep;
    private Instant nextDeadline;
    private Instant acknowledgedAt;
    private String acknowledgedBy;
    private String lastNote;
    private String lastBy;
    private Instant lastChangedAt;
    private Instant endedAt;
    private String outcome;
    private String declineReason;
    private String cancelReason;
    private TaskNotificationView notification;

    private TaskViewBuilder(TaskView v) {
        this.v = v;
        status = v.status();
        escalationLevel = v.escalationLevel();
        escalationStep = v.escalationStep();
        nextDeadline = v.nextDeadline();
        acknowledgedAt = v.acknowledgedAt();
        acknowledgedBy = v.acknowledgedBy();
        lastNote = v.lastNote();
        lastBy = v.lastBy();
        lastChangedAt = v.lastChangedAt();
        endedAt = v.endedAt();
        outcome = v.outcome();
        declineReason = v.declineReason();
        cancelReason = v.cancelReason();
        notification = v.notification();
    }

    static TaskViewBuilder from(TaskView view) {
        return new TaskViewBuilder(view);
    }

    /** A change of state by someone, at a time. */
    TaskViewBuilder changed(TaskStatus status, String by, Instant at) {
        this.status = status;
        this.lastBy = by;
        this.lastChangedAt = at;
        if (status.hasEnded()) {
            this.endedAt = at;
        }
        return this;
    }

    TaskViewBuilder acknowledged(String by, Instant at) {
        acknowledgedBy = by;
        acknowledgedAt = at;
        return this;
    }

    TaskViewBuilder escalated(int level, EscalationStep step, Instant next) {
        escalationLevel = level;
        escalationStep = step;
        nextDeadline = next;
        return this;
    }

    TaskViewBuilder note(String note) {
        if (note != null) {
            lastNote = note;
        }
        return this;
    }

    TaskViewBuilder outcome(String outcome) {
        this.outcome = outcome;
        return this;
    }

    TaskViewBuilder declineReason(String reason) {
        declineReason = reason;
        return this;
    }

    TaskViewBuilder cancelReason(String reason) {
        cancelReason = reason;
        return this;
    }

    TaskViewBuilder notification(TaskNotificationView notification) {
        this.notification = notification;
        return this;
    }

    TaskView build(long version) {
        return new TaskView(v.id(), v.incidentId(), v.department(), v.action(), v.priority(), status,
                escalationLevel, escalationStep, v.acknowledgeBy(), nextDeadline, v.requestedAt(), acknowledgedAt,
                acknowledgedBy, lastNote, lastBy, lastChangedAt, endedAt, outcome, declineReason, cancelReason,
                notification, version);
    }
}
