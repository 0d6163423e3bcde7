package city.beacon.command.task;

import city.beacon.api.common.Actor;
import city.beacon.api.common.Department;
import city.beacon.api.common.NotPermittedException;
import city.beacon.api.common.Role;
import city.beacon.api.common.RuleViolationException;
import city.beacon.api.common.TransitionRejectedException;
import city.beacon.api.incident.IncidentId;
import city.beacon.api.task.*;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

class TaskTest {
    static final TaskId TASK = new TaskId("task-1");
    static final IncidentId INCIDENT = new IncidentId("incident-1");
    static final Instant NOW = Instant.parse("2026-11-28T08:00:00Z");
    static final Instant ACK_BY = NOW.plusSeconds(300);
    static final String ACTION = "Stand by against ignition";
    static final Actor FIRE_LIAISON = new Actor("fire", Role.LIAISON, Department.FIRE);
    static final Actor POLICE_LIAISON = new Actor("police", Role.LIAISON, Department.POLICE);
    static final Actor FIRE_SYSTEM = new Actor("system:FIRE", Role.SYSTEM, Department.FIRE);
    static final Actor POLICE_SYSTEM = new Actor("system:POLICE", Role.SYSTEM, Department.POLICE);
    static final Actor OPERATOR = new Actor("operator", Role.OPERATOR, null);
    static final Actor ADMIN = new Actor("admin", Role.ADMIN, null);
    static final Actor AUDITOR = new Actor("auditor", Role.AUDITOR, null);

    private FixtureConfiguration<Task> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Task.class);
        fixture.registerInjectableResource(Clock.fixed(NOW, ZoneOffset.UTC));
    }

    static RequestTaskCommand request(String action) {
        return new RequestTaskCommand(TASK, INCIDENT, Department.FIRE, action, Priority.HIGH, ACK_BY);
    }

    static TaskRequestedEvent requested() {
        return new TaskRequestedEvent(TASK, INCIDENT, Department.FIRE, ACTION, Priority.HIGH, ACK_BY, NOW);
    }

    static TaskAcknowledgedEvent acknowledged(String by) {
        return new TaskAcknowledgedEvent(TASK, INCIDENT, Department.FIRE, by, NOW);
    }

    static TaskProgressReportedEvent progressed(TaskStatus status, String note) {
        return new TaskProgressReportedEvent(TASK, INCIDENT, Department.FIRE, status, note, "fire", NOW);
    }

    static TaskEscalatedEvent escalated(int level) {
        return new TaskEscalatedEvent(TASK, INCIDENT, Department.FIRE, level, EscalationStep.RENOTIFY,
                ACK_BY.plusSeconds(300L * level), NOW);
    }

    static EscalateTaskCommand escalate(int level) {
        return new EscalateTaskCommand(TASK, level, EscalationStep.RENOTIFY, ACK_BY.plusSeconds(300L * level));
    }

    @Nested
    class Requesting {
        @Test
        void requestRecordsTheTask() {
            fixture.givenNoPriorActivity().when(request(ACTION)).expectEvents(requested());
        }

        @Test
        void aRequestForATaskThatExistsRecordsNothing() {
            // the response saga asks again for tasks whose request it never saw; some of them did reach the store
            fixture.given(requested()).when(request(ACTION)).expectSuccessfulHandlerExecution().expectNoEvents();
            fixture.given(requested(), acknowledged("fire")).when(request("Another action"))
                    .expectSuccessfulHandlerExecution().expectNoEvents();
        }

        @Test
        void theActionIsStrippedAndLimitedTo500Characters() {
            fixture.givenNoPriorActivity().when(request("  " + ACTION + " ")).expectEvents(requested());
            fixture.givenNoPriorActivity().when(request("x".repeat(501)))
                    .expectException(RuleViolationException.class)
                    .expectExceptionMessage("action must be at most 500 characters").expectNoEvents();
            fixture.givenNoPriorActivity().when(request(" "))
                    .expectException(RuleViolationException.class).expectExceptionMessage("action is required");
        }

        @Test
        void departmentPriorityAndDeadlineAreRequired() {
            fixture.givenNoPriorActivity()
                    .when(new RequestTaskCommand(TASK, INCIDENT, null, ACTION, Priority.HIGH, ACK_BY))
                    .expectException(RuleViolationException.class).expectExceptionMessage("department is required");
            fixture.givenNoPriorActivity()
                    .when(new RequestTaskCommand(TASK, INCIDENT, Department.FIRE, ACTION, null, ACK_BY))
                    .expectException(RuleViolationException.class).expectExceptionMessage("priority is required");
            fixture.givenNoPriorActivity()
                    .when(new RequestTaskCommand(TASK, INCIDENT, Department.FIRE, ACTION, Priority.HIGH, null))
                    .expectException(RuleViolationException.class).expectExceptionMessage("acknowledgeBy is required");
        }
    }

    @Nested
    class Acknowledging {
        @Test
        void theDepartmentsLiaisonAcknowledges() {
            fixture.given(requested()).when(new AcknowledgeTaskCommand(TASK, FIRE_LIAISON))
                    .expectEvents(acknowledged("fire"));
        }

        @Test
        void anEscalatedTaskCanStillBeAcknowledged() {
            fixture.given(requested(), escalated(1)).when(new AcknowledgeTaskCommand(TASK, FIRE_SYSTEM))
                    .expectEvents(acknowledged("system:FIRE"));
        }

        @Test
        void anOperatorAcknowledgesOnTheDepartmentsBehalfAndIsRecorded() {
            fixture.given(requested()).when(new AcknowledgeTaskCommand(TASK, OPERATOR))
                    .expectEvents(acknowledged("operator"));
            fixture.given(requested()).when(new AcknowledgeTaskCommand(TASK, ADMIN))
                    .expectEvents(acknowledged("admin"));
        }

        @Test
        void acknowledgingTwiceRecordsOneAcknowledgment() {
            fixture.given(requested(), acknowledged("fire")).when(new AcknowledgeTaskCommand(TASK, FIRE_SYSTEM))
                    .expectSuccessfulHandlerExecution().expectNoEvents();
        }

        @Test
        void aLateResentAcknowledgmentChangesNothing() {
            fixture.given(requested(), acknowledged("fire"), progressed(TaskStatus.ON_SCENE, null))
                    .when(new AcknowledgeTaskCommand(TASK, FIRE_LIAISON))
                    .expectSuccessfulHandlerExecution().expectNoEvents();
        }
    }

    @Nested
    class WhoMayAct {
        @Test
        void aLiaisonOfAnotherDepartmentIsRefused() {
            fixture.given(requested()).when(new AcknowledgeTaskCommand(TASK, POLICE_LIAISON))
                    .expectException(NotPermittedException.class)
                    .expectExceptionMessage("a liaison of POLICE may not acknowledge a task of FIRE")
                    .expectNoEvents();
        }

        @Test
        void anotherDepartmentsSystemIsRefused() {
            fixture.given(requested()).when(new DeclineTaskCommand(TASK, POLICE_SYSTEM, "not ours"))
                    .expectException(NotPermittedException.class).expectNoEvents();
        }

        @Test
        void beaconItselfDoesNotActForADepartment() {
            fixture.given(requested()).when(new AcknowledgeTaskCommand(TASK, Actor.system("saga")))
                    .expectException(NotPermittedException.class).expectNoEvents();
        }

        @Test
        void anAuditorChangesNothingEvenWhenItWouldBeANoOp() {
            fixture.given(requested()).when(new AcknowledgeTaskCommand(TASK, AUDITOR))
                    .expectException(NotPermittedException.class).expectNoEvents();
            fixture.given(requested(), acknowledged("fire")).when(new AcknowledgeTaskCommand(TASK, AUDITOR))
                    .expectException(NotPermittedException.class).expectNoEvents();
            fixture.given(requested(), acknowledged("fire"))
                    .when(new CompleteTaskCommand(TASK, AUDITOR, "done"))
                    .expectException(NotPermittedException.class).expectNoEvents();
        }

        @Test
        void permissionIsCheckedBeforeTheStateSoNothingLeaks() {
            fixture.given(requested(), new TaskCancelledEvent(TASK, INCIDENT, Department.FIRE, null, NOW))
                    .when(new ReportTaskProgressCommand(TASK, POLICE_LIAISON, TaskStatus.EN_ROUTE, null))
                    .expectException(NotPermittedException.class);
        }

        @Test
        void anActionWithoutAnActorIsRefused() {
            fixture.given(requested()).when(new AcknowledgeTaskCommand(TASK, null))
                    .expectException(RuleViolationException.class).expectExceptionMessage("by is required");
        }
    }

    @Nested
    class Declining {
        @Test
        void declineRecordsTheReason() {
            fixture.given(requested()).when(new DeclineTaskCommand(TASK, FIRE_LIAISON, " no engine free "))
                    .expectEvents(new TaskDeclinedEvent(TASK, INCIDENT, Department.FIRE, "fire", "no engine free", NOW));
            fixture.given(requested(), escalated(1)).when(new DeclineTaskCommand(TASK, FIRE_LIAISON, "no crew"))
                    .expectEvents(new TaskDeclinedEvent(TASK, INCIDENT, Department.FIRE, "fire", "no crew", NOW));
        }

        @Test
        void declineNeedsAReason() {
            fixture.given(requested()).when(new DeclineTaskCommand(TASK, FIRE_LIAISON, ""))
                    .expectException(RuleViolationException.class).expectExceptionMessage("reason is required")
                    .expectNoEvents();
            fixture.given(requested()).when(new DeclineTaskCommand(TASK, FIRE_LIAISON, "r".repeat(501)))
                    .expectException(RuleViolationException.class).expectNoEvents();
        }
    }

    @Nested
    class Progress {
        @Test
        void enRouteThenOnSceneThenComplete() {
            fixture.given(requested(), acknowledged("fire"))
                    .when(new ReportTaskProgressCommand(TASK, FIRE_LIAISON, TaskStatus.EN_ROUTE, "engine 7 left"))
                    .expectEvents(progressed(TaskStatus.EN_ROUTE, "engine 7 left"));
            fixture.given(requested(), acknowledged("fire"), progressed(TaskStatus.EN_ROUTE, null))
                    .when(new ReportTaskProgressCommand(TASK, FIRE_LIAISON, TaskStatus.ON_SCENE, " "))
                    .expectEvents(progressed(TaskStatus.ON_SCENE, null));
            fixture.given(requested(), acknowledged("fire"), progressed(TaskStatus.EN_ROUTE, null),
                            progressed(TaskStatus.ON_SCENE, null))
                    .when(new CompleteTaskCommand(TASK, FIRE_LIAISON, "area secured, no ignition"))
                    .expectEvents(new TaskCompletedEvent(TASK, INCIDENT, Department.FIRE, "area secured, no ignition",
                            "fire", NOW));
        }

        @Test
        void onSceneStraightFromAcknowledged() {
            fixture.given(requested(), acknowledged("fire"))
                    .when(new ReportTaskProgressCommand(TASK, FIRE_LIAISON, TaskStatus.ON_SCENE, null))
                    .expectEvents(progressed(TaskStatus.ON_SCENE, null));
        }

        @Test
        void completeStraightFromAcknowledgedOrEnRoute() {
            var completed = new TaskCompletedEvent(TASK, INCIDENT, Department.FIRE, "done", "operator", NOW);
            fixture.given(requested(), acknowledged("fire"))
                    .when(new CompleteTaskCommand(TASK, OPERATOR, "done")).expectEvents(completed);
            fixture.given(requested(), acknowledged("fire"), progressed(TaskStatus.EN_ROUTE, null))
                    .when(new CompleteTaskCommand(TASK, OPERATOR, "done")).expectEvents(completed);
        }

        @Test
        void theSameProgressReportedAgainIsANoOp() {
            fixture.given(requested(), acknowledged("fire"), progressed(TaskStatus.EN_ROUTE, null))
                    .when(new ReportTaskProgressCommand(TASK, FIRE_SYSTEM, TaskStatus.EN_ROUTE, "again"))
                    .expectSuccessfulHandlerExecution().expectNoEvents();
        }

        @Test
        void progressIsOnlyEnRouteOrOnScene() {
            fixture.given(requested(), acknowledged("fire"))
                    .when(new ReportTaskProgressCommand(TASK, FIRE_LIAISON, TaskStatus.COMPLETED, null))
                    .expectException(RuleViolationException.class)
                    .expectExceptionMessage("status must be EN_ROUTE or ON_SCENE");
            fixture.given(requested(), acknowledged("fire"))
                    .when(new ReportTaskProgressCommand(TASK, FIRE_LIAISON, null, null))
                    .expectException(RuleViolationException.class).expectExceptionMessage("status is required");
            fixture.given(requested(), acknowledged("fire"))
                    .when(new ReportTaskProgressCommand(TASK, FIRE_LIAISON, TaskStatus.EN_ROUTE, "n".repeat(2001)))
                    .expectException(RuleViolationException.class).expectExceptionMessage("note must be at most 2000 characters");
        }

        @Test
        void completeNeedsAnOutcome() {
            fixture.given(requested(), acknowledged("fire"))
                    .when(new CompleteTaskCommand(TASK, FIRE_LIAISON, null))
                    .expectException(RuleViolationException.class).expectExceptionMessage("outcome is required")
                    .expectNoEvents();
        }
    }

    @Nested
    class Cancelling {
        @ParameterizedTest(name = "a task {0} can be cancelled")
        @EnumSource(value = TaskStatus.class, names = {"REQUESTED", "ESCALATED", "ACKNOWLEDGED", "EN_ROUTE", "ON_SCENE"})
        void anOpenTaskIsCancelled(TaskStatus state) {
            fixture.given(historyUpTo(state)).when(new CancelTaskCommand(TASK, "incident cancelled: false alarm"))
                    .expectEvents(new TaskCancelledEvent(TASK, INCIDENT, Department.FIRE,
                            "incident cancelled: false alarm", NOW));
        }

        @ParameterizedTest(name = "cancelling a task {0} is a no-op")
        @EnumSource(value = TaskStatus.class, names = {"COMPLETED", "DECLINED", "CANCELLED"})
        void cancellingAnEndedTaskIsANoOp(TaskStatus state) {
            fixture.given(historyUpTo(state)).when(new CancelTaskCommand(TASK, "incident closed"))
                    .expectSuccessfulHandlerExecution().expectNoEvents();
        }
    }

    @Nested
    class Escalating {
        @Test
        void aMissedDeadlineEscalatesLevelByLevel() {
            fixture.given(requested()).when(escalate(1)).expectEvents(escalated(1));
            fixture.given(requested(), escalated(1)).when(escalate(2)).expectEvents(escalated(2));
        }

        @Test
        void aDeadlineFiringTwiceEscalatesOnce() {
            fixture.given(requested(), escalated(1)).when(escalate(1))
                    .expectSuccessfulHandlerExecution().expectNoEvents();
        }

        @Test
        void aLevelThatSkipsAheadIsIgnored() {
            fixture.given(requested()).when(escalate(2)).expectSuccessfulHandlerExecution().expectNoEvents();
        }

        @ParameterizedTest(name = "a deadline firing when the task is {0} changes nothing")
        @EnumSource(value = TaskStatus.class, names = {"ACKNOWLEDGED", "EN_ROUTE", "ON_SCENE", "COMPLETED", "DECLINED",
                "CANCELLED"})
        void aDeadlineAfterTheAcknowledgmentIsIgnored(TaskStatus state) {
            fixture.given(historyUpTo(state)).when(escalate(1)).expectSuccessfulHandlerExecution().expectNoEvents();
        }

        @Test
        void anEscalationNamesItsStep() {
            fixture.given(requested()).when(new EscalateTaskCommand(TASK, 1, null, null))
                    .expectException(RuleViolationException.class).expectExceptionMessage("step is required");
        }
    }

    @Nested
    class Notifications {
        @ParameterizedTest(name = "a notification outcome is recorded when the task is {0}")
        @EnumSource(TaskStatus.class)
        void outcomesAreRecordedInEveryState(TaskStatus state) {
            fixture.given(historyUpTo(state))
                    .when(new RecordTaskNotificationDeliveredCommand(TASK, NoticeKind.NEW_TASK, "https://fire.example", 2))
                    .expectEvents(new TaskNotificationDeliveredEvent(TASK, INCIDENT, Department.FIRE, NoticeKind.NEW_TASK,
                            "https://fire.example", 2, NOW));
            fixture.given(historyUpTo(state))
                    .when(new RecordTaskNotificationFailedCommand(TASK, NoticeKind.REMINDER, "https://fire.example", 3,
                            "connection refused"))
                    .expectEvents(new TaskNotificationFailedEvent(TASK, INCIDENT, Department.FIRE, NoticeKind.REMINDER,
                            "https://fire.example", 3, "connection refused", NOW));
        }
    }

    /** Every liaison command against every state in which the lifecycle forbids it. */
    static Stream<Arguments> forbiddenTransitions() {
        record Case(String action, Object command, List<TaskStatus> forbiddenIn) { }
        var cases = List.of(
                new Case("acknowledge it", new AcknowledgeTaskCommand(TASK, FIRE_LIAISON),
                        List.of(TaskStatus.DECLINED, TaskStatus.CANCELLED)),
                new Case("decline it", new DeclineTaskCommand(TASK, FIRE_LIAISON, "no crew"),
                        List.of(TaskStatus.ACKNOWLEDGED, TaskStatus.EN_ROUTE, TaskStatus.ON_SCENE,
                                TaskStatus.COMPLETED, TaskStatus.DECLINED, TaskStatus.CANCELLED)),
                new Case("report it en route", new ReportTaskProgressCommand(TASK, FIRE_LIAISON, TaskStatus.EN_ROUTE, null),
                        List.of(TaskStatus.REQUESTED, TaskStatus.ESCALATED, TaskStatus.ON_SCENE,
                                TaskStatus.COMPLETED, TaskStatus.DECLINED, TaskStatus.CANCELLED)),
                new Case("report it on scene", new ReportTaskProgressCommand(TASK, FIRE_LIAISON, TaskStatus.ON_SCENE, null),
                        List.of(TaskStatus.REQUESTED, TaskStatus.ESCALATED, TaskStatus.COMPLETED,
                                TaskStatus.DECLINED, TaskStatus.CANCELLED)),
                new Case("complete it", new CompleteTaskCommand(TASK, FIRE_LIAISON, "done"),
                        List.of(TaskStatus.REQUESTED, TaskStatus.ESCALATED, TaskStatus.COMPLETED,
                                TaskStatus.DECLINED, TaskStatus.CANCELLED)));
        return cases.stream().flatMap(c -> c.forbiddenIn().stream()
                .map(state -> Arguments.of(c.action(), state, c.command())));
    }

    @ParameterizedTest(name = "{0} is refused when {1}")
    @MethodSource("forbiddenTransitions")
    void forbiddenTransitionNamesStateAndAction(String action, TaskStatus state, Object command) {
        fixture.given(historyUpTo(state))
                .when(command)
                .expectException(TransitionRejectedException.class)
                .expectExceptionMessage("task " + TASK + " is " + state + "; cannot " + action)
                .expectNoEvents();
    }

    static List<Object> historyUpTo(TaskStatus state) {
        var history = new ArrayList<Object>(List.of(requested()));
        switch (state) {
            case REQUESTED -> { }
            case ESCALATED -> history.add(escalated(1));
            case ACKNOWLEDGED -> history.add(acknowledged("fire"));
            case EN_ROUTE -> history.addAll(List.of(acknowledged("fire"), progressed(TaskStatus.EN_ROUTE, null)));
            case ON_SCENE -> history.addAll(List.of(acknowledged("fire"), progressed(TaskStatus.ON_SCENE, null)));
            case COMPLETED -> history.addAll(List.of(acknowledged("fire"),
                    new TaskCompletedEvent(TASK, INCIDENT, Department.FIRE, "done", "fire", NOW)));
            case DECLINED -> history.add(new TaskDeclinedEvent(TASK, INCIDENT, Department.FIRE, "fire", "no crew", NOW));
            case CANCELLED -> history.add(new TaskCancelledEvent(TASK, INCIDENT, Department.FIRE, "false alarm", NOW));
        }
        return history;
    }
}
