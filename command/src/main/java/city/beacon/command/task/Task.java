package city.beacon.command.task;

import city.beacon.command.Transitions;
import city.beacon.command.ActingForDepartment;
import city.beacon.command.ActingForDepartment.BeaconItself;
import city.beacon.api.common.Department;
import city.beacon.api.common.RuleViolationException;
import city.beacon.api.incident.IncidentId;
import city.beacon.api.task.*;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

import java.time.Clock;
import java.util.EnumSet;
import java.util.Set;

import static city.beacon.api.task.TaskStatus.*;
import static city.beacon.command.Fields.*;
import static city.beacon.command.task.TaskRules.*;
import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * One department's work for one incident (DESIGN §2). Commands that can arrive twice (a resent acknowledgment,
 * a deadline firing twice, the saga cancelling every open task) are no-ops rather than errors.
 */
@Aggregate
public class Task {
    private static final Set<TaskStatus> ACKNOWLEDGED_OR_LATER = EnumSet.of(ACKNOWLEDGED, EN_ROUTE, ON_SCENE, COMPLETED);
    private static final Set<TaskStatus> AT_WORK = EnumSet.of(ACKNOWLEDGED, EN_ROUTE, ON_SCENE);

    @AggregateIdentifier
    private TaskId taskId;
    private IncidentId incidentId;
    private Department department;
    private TaskStatus status;
    private int escalationLevel;

    protected Task() {
    }

    /**
     * A request for a task that exists is a no-op: the response saga asks again for every task whose request it never
     * saw when its batch is handled again (the store refused the batch's events, or its node died), and some of those
     * requests did reach the store. Created if missing rather than in a constructor, so asking again is not a
     * duplicate stream that would fail the saga's batch for good.
     */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(RequestTaskCommand cmd, Clock clock) {
        if (taskId != null) {
            return;
        }
        var incident = require(cmd.incidentId(), "incidentId");
        var department = require(cmd.department(), "department");
        var action = requireText(cmd.action(), "action", ACTION_MAX);
        var priority = require(cmd.priority(), "priority");
        var acknowledgeBy = require(cmd.acknowledgeBy(), "acknowledgeBy");
        apply(new TaskRequestedEvent(cmd.taskId(), incident, department, action, priority, acknowledgeBy,
                clock.instant()));
    }

    @CommandHandler
    void handle(AcknowledgeTaskCommand cmd, Clock clock) {
        var by = ActingForDepartment.require(cmd.by(), department, "acknowledge", "a task", BeaconItself.MAY_NOT);
        if (ACKNOWLEDGED_OR_LATER.contains(status)) {
            return;   // a liaison double-clicking, or a department system resending its callback
        }
        requireStatus("acknowledge it", REQUESTED, ESCALATED);
        apply(new TaskAcknowledgedEvent(taskId, incidentId, department, by, clock.instant()));
    }

    @CommandHandler
    void handle(DeclineTaskCommand cmd, Clock clock) {
        var by = ActingForDepartment.require(cmd.by(), department, "decline", "a task", BeaconItself.MAY_NOT);
        requireStatus("decline it", REQUESTED, ESCALATED);
        var reason = requireText(cmd.reason(), "reason", REASON_MAX);
        apply(new TaskDeclinedEvent(taskId, incidentId, department, by, reason, clock.instant()));
    }

    @CommandHandler
    void handle(ReportTaskProgressCommand cmd, Clock clock) {
        var by = ActingForDepartment.require(cmd.by(), department, "report progress on", "a task", BeaconItself.MAY_NOT);
        var next = require(cmd.status(), "status");
        if (next != EN_ROUTE && next != ON_SCENE) {
            throw new RuleViolationException("status", "status must be EN_ROUTE or ON_SCENE");
        }
        if (status == next) {
            return;   // the same report sent again
        }
        if (next == EN_ROUTE) {
            requireStatus("report it en route", ACKNOWLEDGED);
        } else {
            requireStatus("report it on scene", ACKNOWLEDGED, EN_ROUTE);
        }
        var note = optionalText(cmd.note(), "note", NOTE_MAX);
        apply(new TaskProgressReportedEvent(taskId, incidentId, department, next, note, by, clock.instant()));
    }

    @CommandHandler
    void handle(CompleteTaskCommand cmd, Clock clock) {
        var by = ActingForDepartment.require(cmd.by(), department, "complete", "a task", BeaconItself.MAY_NOT);
        requireStatus("complete it", AT_WORK);
        var outcome = requireText(cmd.outcome(), "outcome", OUTCOME_MAX);
        apply(new TaskCompletedEvent(taskId, incidentId, department, outcome, by, clock.instant()));
    }

    @CommandHandler
    void handle(CancelTaskCommand cmd, Clock clock) {
        if (status.hasEnded()) {
            return;   // the saga cancels "all open tasks" and may race a completion or a decline
        }
        apply(new TaskCancelledEvent(taskId, incidentId, department, optionalText(cmd.reason(), "reason", REASON_MAX),
                clock.instant()));
    }

    @CommandHandler
    void handle(EscalateTaskCommand cmd, Clock clock) {
        var step = require(cmd.step(), "step");
        // A deadline may fire twice, or just after the acknowledgment arrived: neither may escalate (again).
        if (!status.awaitsAcknowledgment() || cmd.level() != escalationLevel + 1) {
            return;
        }
        apply(new TaskEscalatedEvent(taskId, incidentId, department, cmd.level(), step, cmd.nextDeadline(),
                clock.instant()));
    }

    @CommandHandler
    void handle(RecordTaskNotificationDeliveredCommand cmd, Clock clock) {
        apply(new TaskNotificationDeliveredEvent(taskId, incidentId, department, require(cmd.notice(), "notice"),
                cmd.recipient(), cmd.attempts(), clock.instant()));
    }

    @CommandHandler
    void handle(RecordTaskNotificationFailedCommand cmd, Clock clock) {
        apply(new TaskNotificationFailedEvent(taskId, incidentId, department, require(cmd.notice(), "notice"),
                cmd.recipient(), cmd.attempts(), cmd.reason(), clock.instant()));
    }

    private void requireStatus(String action, TaskStatus first, TaskStatus... rest) {
        requireStatus(action, EnumSet.of(first, rest));
    }

    private void requireStatus(String action, Set<TaskStatus> allowed) {
        Transitions.require("task " + taskId, status, allowed, action);
    }

    @EventSourcingHandler
    void on(TaskRequestedEvent e) {
        taskId = e.taskId();
        incidentId = e.incidentId();
        department = e.department();
        status = REQUESTED;
    }

    @EventSourcingHandler
    void on(TaskAcknowledgedEvent e) {
        status = ACKNOWLEDGED;
    }

    @EventSourcingHandler
    void on(TaskDeclinedEvent e) {
        status = DECLINED;
    }

    @EventSourcingHandler
    void on(TaskProgressReportedEvent e) {
        status = e.status();
    }

    @EventSourcingHandler
    void on(TaskCompletedEvent e) {
        status = COMPLETED;
    }

    @EventSourcingHandler
    void on(TaskCancelledEvent e) {
        status = CANCELLED;
    }

    @EventSourcingHandler
    void on(TaskEscalatedEvent e) {
        status = ESCALATED;
        escalationLevel = e.level();
    }
}
