package city.beacon.saga.response;

import city.beacon.api.common.Actor;
import city.beacon.api.common.Delivery;
import city.beacon.api.incident.*;
import city.beacon.api.plan.PlanLine;
import city.beacon.api.task.*;
import city.beacon.saga.notify.DepartmentNotifier;
import city.beacon.saga.notify.TaskNotice;
import com.fasterxml.jackson.annotation.JsonAutoDetect;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.annotation.DeadlineHandler;
import org.axonframework.messaging.annotation.MessageIdentifier;
import org.axonframework.modelling.saga.SagaEventHandler;
import org.axonframework.modelling.saga.SagaLifecycle;
import org.axonframework.modelling.saga.StartSaga;
import org.axonframework.spring.stereotype.Saga;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility.ANY;
import static com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility.NONE;

/**
 * Coordinates the departments' response to one incident, from its report to its end: dispatches the response plan
 * once the incident is confirmed (or a sensor reports it SEVERE or worse), follows every task of the incident, and
 * escalates a task whose acknowledgment deadline passes, level by level along its plan line's chain.
 * <p>
 * One saga per incident rather than one per task: backup requests and severity raises change which departments
 * are tasked and what is still open, and one instance owning that picture cannot race a sibling over it. Each
 * task's deadline carries its task id, so many deadlines live side by side in the one saga.
 * <p>
 * Effects wait for the fact: departments hear of a task once its TaskRequestedEvent is seen, and an escalation step
 * is carried out once its TaskEscalatedEvent is seen, so a deadline racing an acknowledgment that the Task refuses to
 * escalate does nothing.
 * <p>
 * Without transactions, a batch can store this saga and then lose the events of the commands it sent (the store
 * refused them once its disk was full, or the node died), and the batch is handled again. Every event that asks for
 * tasks therefore asks again, seen again, for each task it asked for whose request was never seen; a request for a
 * Task that exists is a no-op.
 */
@Saga
@JsonAutoDetect(fieldVisibility = ANY, getterVisibility = NONE, isGetterVisibility = NONE)
public class IncidentResponseSaga {
    static final String INCIDENT = "incidentId";
    static final String ACKNOWLEDGMENT_DEADLINE = "task-acknowledgment";
    static final Actor ACTOR = Actor.system("incident-response");
    /** For a task someone else requested whose department has no line in the plan. */
    static final List<EscalationStep> DEFAULT_CHAIN = List.of(EscalationStep.RENOTIFY, EscalationStep.DUTY_SUPERVISOR);
    static final Duration DEFAULT_ACKNOWLEDGE_WITHIN = Duration.ofMinutes(5);

    private IncidentId incidentId;
    private IncidentType type;
    private Severity severity;
    private boolean dispatched;
    private boolean respondingRequested;
    private boolean readyDeclared;
    /** How many tasks this saga asked for; numbers the next task id. */
    private int requested;
    private Map<String, ResponseTask> tasks = new LinkedHashMap<>();

    @StartSaga
    @SagaEventHandler(associationProperty = INCIDENT)
    void on(IncidentReportedEvent e, CommandGateway commands, ResponsePlans plans, AutomaticActions automatic,
            Clock clock, @MessageIdentifier String eventId) {
        if (incidentId != null) {
            askAgain(eventId, commands, clock);   // seen again: its automatic action must not be asked twice
            return;
        }
        incidentId = e.incidentId();
        type = e.type();
        severity = e.severity();
        automatic.forSource(e.source()).ifPresent(action -> requestAutomatic(action, commands, plans, clock, eventId));
        if (reportedBySensorAsSevere(e)) {
            // A sensor this sure counts as confirmed: no operator in the loop.
            dispatch(commands, plans, clock, eventId);
        }
    }

    @SagaEventHandler(associationProperty = INCIDENT)
    void on(IncidentConfirmedEvent e, CommandGateway commands, ResponsePlans plans, Clock clock,
            @MessageIdentifier String eventId) {
        askAgain(eventId, commands, clock);
        if (!dispatched) {
            dispatch(commands, plans, clock, eventId);
        }
    }

    @SagaEventHandler(associationProperty = INCIDENT)
    void on(IncidentReclassifiedEvent e, CommandGateway commands, ResponsePlans plans, Clock clock,
            @MessageIdentifier String eventId) {
        askAgain(eventId, commands, clock);
        boolean worse = e.severity().isHigherThan(severity) || e.type() != type;
        type = e.type();
        severity = e.severity();
        // A downgrade withdraws nothing: operators cancel what is no longer needed.
        if (dispatched && worse) {
            dispatch(commands, plans, clock, eventId);
        }
    }

    @SagaEventHandler(associationProperty = INCIDENT)
    void on(IncidentCancelledEvent e, CommandGateway commands, DeadlineManager deadlines, DepartmentNotifier notifier,
            @MessageIdentifier String eventId) {
        windUp("incident cancelled: " + e.reason(), commands, deadlines, notifier, eventId);
    }

    @SagaEventHandler(associationProperty = INCIDENT)
    void on(IncidentMergedEvent e, CommandGateway commands, DeadlineManager deadlines, DepartmentNotifier notifier,
            @MessageIdentifier String eventId) {
        windUp("incident merged into " + e.into(), commands, deadlines, notifier, eventId);
    }

    @SagaEventHandler(associationProperty = INCIDENT)
    void on(IncidentClosedEvent e, CommandGateway commands, DeadlineManager deadlines, DepartmentNotifier notifier,
            @MessageIdentifier String eventId) {
        windUp("incident closed", commands, deadlines, notifier, eventId);
    }

    @SagaEventHandler(associationProperty = INCIDENT)
    void on(TaskRequestedEvent e, DeadlineManager deadlines, DepartmentNotifier notifier, ResponsePlans plans,
            @MessageIdentifier String eventId) {
        var task = tasks.get(key(e.taskId()));
        task = task == null ? adopt(e, plans) : task.requestSeen();
        notifier.notify(notice(NoticeKind.NEW_TASK, task, e.acknowledgeBy(), eventId));
        if (e.acknowledgeBy() != null && task.status().awaitsAcknowledgment() && task.escalations() == 0) {
            // Seen again (a node died before its processor stored the token), the deadline known from the first
            // time may never have reached the deadline store, which is written after the saga: schedule it anew.
            cancelDeadline(task, deadlines);
            var deadline = new AcknowledgmentDeadline(e.taskId(), 1, e.acknowledgeBy());
            task = task.withDeadline(deadlines.schedule(e.acknowledgeBy(), ACKNOWLEDGMENT_DEADLINE, deadline));
        }
        put(task);
    }

    @SagaEventHandler(associationProperty = INCIDENT)
    void on(TaskAcknowledgedEvent e, CommandGateway commands, DeadlineManager deadlines) {
        update(e.taskId(), TaskStatus.ACKNOWLEDGED, deadlines);
        if (!respondingRequested) {
            respondingRequested = true;
            send(commands, new MarkIncidentRespondingCommand(incidentId));
        }
    }

    @SagaEventHandler(associationProperty = INCIDENT)
    void on(TaskProgressReportedEvent e, DeadlineManager deadlines) {
        update(e.taskId(), e.status(), deadlines);
    }

    @SagaEventHandler(associationProperty = INCIDENT)
    void on(TaskDeclinedEvent e, CommandGateway commands, DeadlineManager deadlines, Clock clock,
            @MessageIdentifier String eventId) {
        askAgain(eventId, commands, clock);
        var task = update(e.taskId(), TaskStatus.DECLINED, deadlines);
        if (task != null && task.canAskBackup()) {
            askBackup(task, commands, clock, eventId);
        }
        declareReadyWhenAllDone(commands);
    }

    @SagaEventHandler(associationProperty = INCIDENT)
    void on(TaskCompletedEvent e, CommandGateway commands, DeadlineManager deadlines) {
        update(e.taskId(), TaskStatus.COMPLETED, deadlines);
        declareReadyWhenAllDone(commands);
    }

    @SagaEventHandler(associationProperty = INCIDENT)
    void on(TaskCancelledEvent e, CommandGateway commands, DeadlineManager deadlines) {
        update(e.taskId(), TaskStatus.CANCELLED, deadlines);
        declareReadyWhenAllDone(commands);
    }

    @SagaEventHandler(associationProperty = INCIDENT)
    void on(TaskEscalatedEvent e, CommandGateway commands, DepartmentNotifier notifier, Clock clock,
            @MessageIdentifier String eventId) {
        askAgain(eventId, commands, clock);
        var task = tasks.get(key(e.taskId()));
        if (task == null || !task.status().awaitsAcknowledgment()) {
            return;   // acknowledged (or ended) in the meantime: the step is no longer needed
        }
        put(task.withStatus(TaskStatus.ESCALATED));
        switch (e.step()) {
            case RENOTIFY -> notifier.notify(notice(NoticeKind.REMINDER, task, e.nextDeadline(), eventId));
            case DUTY_SUPERVISOR -> notifier.notify(notice(NoticeKind.SUPERVISOR_ALERT, task, e.nextDeadline(),
                    eventId));
            case BACKUP_DEPARTMENT -> {
                if (task.canAskBackup()) {
                    askBackup(task, commands, clock, eventId);
                }
            }
            case RAISE_SEVERITY -> raiseSeverity(task, commands);
        }
    }

    @DeadlineHandler(deadlineName = ACKNOWLEDGMENT_DEADLINE)
    void acknowledgmentMissed(AcknowledgmentDeadline deadline, CommandGateway commands, DeadlineManager deadlines,
                              Clock clock) {
        var task = tasks.get(key(deadline.taskId()));
        if (task == null || !task.status().awaitsAcknowledgment() || deadline.level() < task.escalations()
                || deadline.level() > task.escalations() + 1) {
            return;   // acknowledged, ended, or a level already passed
        }
        // deadline.level() == task.escalations(): this level was handled, yet its job runs again. JobRunr runs a job
        // again when the node running it died before the job was marked done, and that may have been after this
        // saga's state was stored but before the escalation's event was: ask again (the Task escalates a level
        // once, so a second request is a no-op) and schedule the next level anew (its job may be missing too).
        if (deadline.level() == task.escalations()) {
            cancelDeadline(task, deadlines);
        }
        var now = clock.instant();
        if (now.isBefore(deadline.due())) {
            // A deadline manager that polls (JobRunr) hands out jobs up to one poll interval early; wait for the time.
            put(task.withDeadline(deadlines.schedule(deadline.due(), ACKNOWLEDGMENT_DEADLINE, deadline)));
            return;
        }
        int level = deadline.level();
        if (level > task.escalation().size()) {
            put(task.escalatedTo(level, null));
            return;
        }
        var step = task.escalation().get(level - 1);
        var next = level < task.escalation().size() ? now.plus(task.acknowledgeWithin()) : null;
        send(commands, new EscalateTaskCommand(task.taskId(), level, step, next));
        String nextDeadlineId = next == null ? null : deadlines.schedule(next, ACKNOWLEDGMENT_DEADLINE,
                new AcknowledgmentDeadline(task.taskId(), level + 1, next));
        put(task.escalatedTo(level, nextDeadlineId));
    }

    private static boolean reportedBySensorAsSevere(IncidentReportedEvent e) {
        return e.source() != null && e.source().kind() == SourceKind.SENSOR
                && (e.severity() == Severity.SEVERE || e.severity() == Severity.EXTREME);
    }

    /**
     * The source's automatic action (a sensor's remote valve) is the incident's first task, whatever the severity:
     * it needs no operator. It takes the place of its department's plan line — same deadline, chain and backup, the
     * line's work following the action — so a later dispatch finds the department tasked and does not task it twice.
     */
    private void requestAutomatic(AutomaticActions.AutomaticAction automatic, CommandGateway commands,
                                  ResponsePlans plans, Clock clock, String eventId) {
        var line = plans.planFor(type, severity).lines().stream()
                .filter(candidate -> candidate.department().equals(automatic.department()))
                .findFirst();
        var action = line.map(l -> automatic.action() + ", then: " + l.action()).orElse(automatic.action());
        var planLine = line.map(l -> new PlanLine(l.department(), action, l.priority(), l.acknowledgeWithin(),
                        l.backup(), l.escalation()))
                .orElseGet(() -> new PlanLine(automatic.department(), action, Priority.CRITICAL,
                        DEFAULT_ACKNOWLEDGE_WITHIN, null, DEFAULT_CHAIN));
        request(planLine, TaskOrigin.PLAN, commands, clock, eventId);
    }

    /** Requests every line of the current plan whose department is not tasked yet. */
    private void dispatch(CommandGateway commands, ResponsePlans plans, Clock clock, String eventId) {
        dispatched = true;
        for (var line : plans.planFor(type, severity).lines()) {
            if (tasks.values().stream().noneMatch(task -> task.coversDepartment(line.department()))) {
                request(line, TaskOrigin.PLAN, commands, clock, eventId);
            }
        }
    }

    /** @param eventId the event being handled, which asks again for the task if it is seen again before the task */
    private TaskId request(PlanLine line, TaskOrigin origin, CommandGateway commands, Clock clock, String eventId) {
        var taskId = nextTaskId();
        var task = ResponseTask.fromLine(taskId, origin, line, eventId);
        put(task);
        sendRequest(task, commands, clock);
        return taskId;
    }

    private void askAgain(String eventId, CommandGateway commands, Clock clock) {
        for (var task : tasks.values()) {
            if (eventId.equals(task.askedBy())) {
                sendRequest(task, commands, clock);
            }
        }
    }

    private void sendRequest(ResponseTask task, CommandGateway commands, Clock clock) {
        send(commands, new RequestTaskCommand(task.taskId(), incidentId, task.department(), task.action(),
                task.priority(), clock.instant().plus(task.acknowledgeWithin())));
    }

    private void askBackup(ResponseTask task, CommandGateway commands, Clock clock, String eventId) {
        var backupTask = request(task.backupLine(), TaskOrigin.BACKUP, commands, clock, eventId);
        put(tasks.get(key(task.taskId())).withBackupTask(backupTask));
    }

    private void raiseSeverity(ResponseTask task, CommandGateway commands) {
        // Relative to the severity this saga has seen: several tasks raising at once ask for the same level.
        var raised = SeverityEscalation.oneLevelAbove(severity);
        if (raised != null) {
            send(commands, new ReclassifyIncidentCommand(incidentId, null, raised, null, null,
                    task.department() + " did not acknowledge \"" + task.action() + "\""));
        }
    }

    private TaskId nextTaskId() {
        requested++;
        return taskIdFor(incidentId, requested);
    }

    /** Deterministic, so an event seen again asks for the same task again and the Task ignores the repeat. */
    static TaskId taskIdFor(IncidentId incident, int number) {
        var name = incident.value() + "/task/" + number;
        return new TaskId(UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)).toString());
    }

    private ResponseTask adopt(TaskRequestedEvent e, ResponsePlans plans) {
        var line = plans.planFor(type, severity).lines().stream()
                .filter(candidate -> candidate.department().equals(e.department()))
                .findFirst().orElse(null);
        var within = e.acknowledgeBy() != null && e.requestedAt() != null
                && e.acknowledgeBy().isAfter(e.requestedAt())
                ? Duration.between(e.requestedAt(), e.acknowledgeBy()) : DEFAULT_ACKNOWLEDGE_WITHIN;
        var steps = line == null ? DEFAULT_CHAIN : line.escalation();
        var backup = line == null ? null : line.backup();
        return ResponseTask.fromLine(e.taskId(), TaskOrigin.OTHER,
                new PlanLine(e.department(), e.action(), e.priority(), within, backup, steps), null);
    }

    private ResponseTask update(TaskId taskId, TaskStatus status, DeadlineManager deadlines) {
        var task = tasks.get(key(taskId));
        if (task == null) {
            return null;
        }
        if (!status.awaitsAcknowledgment()) {
            cancelDeadline(task, deadlines);
            task = task.withDeadline(null);
        }
        task = task.withStatus(status);
        put(task);
        return task;
    }

    private void declareReadyWhenAllDone(CommandGateway commands) {
        if (readyDeclared || tasks.isEmpty()) {
            return;
        }
        boolean allSettled = tasks.values().stream().allMatch(ResponseTask::settled);
        boolean anyDone = tasks.values().stream().anyMatch(task -> task.status() == TaskStatus.COMPLETED);
        if (allSettled && anyDone) {
            readyDeclared = true;
            send(commands, new DeclareIncidentReadyToContainCommand(incidentId));
        }
    }

    private void windUp(String reason, CommandGateway commands, DeadlineManager deadlines,
                        DepartmentNotifier notifier, String eventId) {
        for (var task : tasks.values()) {
            cancelDeadline(task, deadlines);
            if (task.open()) {
                send(commands, new CancelTaskCommand(task.taskId(), reason));
                notifier.notify(notice(NoticeKind.TASK_CANCELLED, task, null, eventId));
            }
        }
        finish();
    }

    private static void cancelDeadline(ResponseTask task, DeadlineManager deadlines) {
        // By id: JobRunr's free edition cannot cancel by scope.
        if (task.deadlineId() != null) {
            deadlines.cancelSchedule(ACKNOWLEDGMENT_DEADLINE, task.deadlineId());
        }
    }

    /** @param eventId the event that causes the notice, which makes its idempotency key stable across restarts */
    private TaskNotice notice(NoticeKind kind, ResponseTask task, Instant acknowledgeBy, String eventId) {
        return new TaskNotice(kind, task.taskId(), incidentId, task.department(), task.action(), task.priority(),
                acknowledgeBy, TaskNotice.keyFor(eventId, task.taskId(), kind));
    }

    private void put(ResponseTask task) {
        tasks.put(key(task.taskId()), task);
    }

    private static String key(TaskId taskId) {
        return taskId.value();
    }

    private static void send(CommandGateway commands, Object command) {
        // Not waited for: a refusal (e.g. the incident was contained meanwhile) is logged by the gateway and the
        // saga carries on; what did happen arrives as events. A store outage is retried until it is over: the saga
        // has moved on, so a command lost to it would leave a confirmed incident without its tasks.
        commands.send(GenericCommandMessage.asCommandMessage(command).andMetaData(ACTOR.toMetaData())
                .andMetaData(Delivery.untilStored()));
    }

    private void finish() {
        SagaLifecycle.end();
    }
}
