package city.beacon.saga.response;

import city.beacon.api.common.Actor;
import city.beacon.api.common.Department;
import city.beacon.api.incident.*;
import city.beacon.api.plan.PlanLine;
import city.beacon.api.task.*;
import city.beacon.saga.notify.TaskNotice;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.test.saga.ContinuedGivenState;
import org.axonframework.test.saga.SagaTestFixture;
import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.hamcrest.Matchers;
import org.hamcrest.TypeSafeMatcher;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static city.beacon.saga.response.IncidentResponseSaga.ACKNOWLEDGMENT_DEADLINE;
import static city.beacon.saga.response.TestPlans.*;
import static org.assertj.core.api.Assertions.assertThat;

/** The response saga, scenario by scenario; a new fixture (and so no leftover deadline) for each. */
class IncidentResponseSagaTest {
    static final IncidentId ID = new IncidentId("incident-1");
    static final Instant NOW = Instant.parse("2026-11-28T08:00:00Z");
    static final IncidentNumber NUMBER = IncidentNumber.of(LocalDate.of(2026, 11, 28), 42);
    static final Location MAIN_STREET = Location.at(31.2304, 121.4737, "Nanjing Road 100");

    /** Sensor "GP-0101" has a remote valve; every other source has no automatic action. */
    static final AutomaticActions VALVES = source -> "GP-0101".equals(source.reference())
            ? java.util.Optional.of(new AutomaticActions.AutomaticAction(Department.GAS_UTILITY, "Close valve V-0117"))
            : java.util.Optional.empty();
    private SagaTestFixture<IncidentResponseSaga> fixture;
    private RecordingNotifier notifier;
    private FixtureClock clock;

    @BeforeEach
    void setUp() {
        fixture = new SagaTestFixture<>(IncidentResponseSaga.class);
        notifier = new RecordingNotifier();
        clock = new FixtureClock(() -> fixture.currentTime());
        fixture.registerResource(new TestPlans());
        fixture.registerResource(notifier);
        fixture.registerResource(clock);
        fixture.registerResource(VALVES);
        fixture.registerStartRecordingCallback(notifier::clear);   // assert only what the "when" caused
    }

    // --- events and commands, as the Incident and Task aggregates would produce and receive them ---

    static IncidentReportedEvent reported(Severity severity, SourceKind source) {
        return new IncidentReportedEvent(ID, NUMBER, IncidentType.GAS_LEAK, severity, Urgency.IMMEDIATE,
                Certainty.OBSERVED, MAIN_STREET, "Gas main pressure drop", new IncidentSource(source, "ref-1"), false,
                NOW);
    }

    static IncidentReportedEvent reported() {
        return reported(Severity.SEVERE, SourceKind.OPERATOR);
    }

    static IncidentConfirmedEvent confirmed() {
        return new IncidentConfirmedEvent(ID, NOW);
    }

    static TaskId task(int number) {
        return IncidentResponseSaga.taskIdFor(ID, number);
    }

    static RequestTaskCommand request(int number, PlanLine line) {
        return request(number, line.department(), line);
    }

    static RequestTaskCommand request(int number, Department department, PlanLine line) {
        return new RequestTaskCommand(task(number), ID, department, line.action(), line.priority(),
                NOW.plus(line.acknowledgeWithin()));
    }

    static TaskRequestedEvent requested(int number, PlanLine line) {
        return requested(number, line.department(), line);
    }

    static TaskRequestedEvent requested(int number, Department department, PlanLine line) {
        return new TaskRequestedEvent(task(number), ID, department, line.action(), line.priority(),
                NOW.plus(line.acknowledgeWithin()), NOW);
    }

    static TaskAcknowledgedEvent acknowledged(int number, Department department) {
        return new TaskAcknowledgedEvent(task(number), ID, department, department.code().toLowerCase(), NOW);
    }

    static TaskCompletedEvent completed(int number, Department department) {
        return new TaskCompletedEvent(task(number), ID, department, "done", department.code().toLowerCase(), NOW);
    }

    static TaskDeclinedEvent declined(int number, Department department) {
        return new TaskDeclinedEvent(task(number), ID, department, department.code().toLowerCase(),
                "no crew available", NOW);
    }

    static TaskEscalatedEvent escalated(int number, Department department, int level, EscalationStep step,
                                        Instant next) {
        return new TaskEscalatedEvent(task(number), ID, department, level, step, next, NOW);
    }

    /** Reported, confirmed, and every SEVERE plan task requested. */
    static List<Object> dispatchedSevere() {
        var history = new ArrayList<Object>(List.of(reported(), confirmed()));
        for (int i = 0; i < SEVERE_LINES.size(); i++) {
            history.add(requested(i + 1, SEVERE_LINES.get(i)));
        }
        return history;
    }

    static List<Object> with(List<Object> history, Object... more) {
        var all = new ArrayList<>(history);
        all.addAll(List.of(more));
        return all;
    }

    private ContinuedGivenState given(List<Object> events) {
        ContinuedGivenState state = fixture.givenCurrentTime(NOW);
        for (var event : events) {
            state = state.andThenAPublished(event);
        }
        return state;
    }

    private ContinuedGivenState given(Object... events) {
        return given(List.of(events));
    }

    static Object[] severeRequests() {
        var commands = new Object[SEVERE_LINES.size()];
        for (int i = 0; i < commands.length; i++) {
            commands[i] = request(i + 1, SEVERE_LINES.get(i));
        }
        return commands;
    }

    @Nested
    class Dispatch {
        @Test
        void aSensorsAutomaticActionIsTheFirstTaskAndStandsForItsDepartmentsPlanLine() {
            var report = new IncidentReportedEvent(ID, NUMBER, IncidentType.GAS_LEAK, Severity.SEVERE, Urgency.IMMEDIATE,
                    Certainty.LIKELY, MAIN_STREET, "Gas main pressure drop",
                    new IncidentSource(SourceKind.SENSOR, "GP-0101"), false, NOW);
            var commands = new ArrayList<Object>();
            commands.add(new RequestTaskCommand(task(1), ID, Department.GAS_UTILITY,
                    "Close valve V-0117, then: Isolate the segment and repair", GAS.priority(),
                    NOW.plus(GAS.acknowledgeWithin())));
            for (int i = 1; i < SEVERE_LINES.size(); i++) {
                commands.add(request(i + 1, SEVERE_LINES.get(i)));
            }
            fixture.givenCurrentTime(NOW).whenPublishingA(report).expectDispatchedCommands(commands.toArray());
        }

        @Test
        void anAutomaticActionGoesOutBeforeConfirmationAndConfirmingDoesNotTaskItsDepartmentAgain() {
            var report = new IncidentReportedEvent(ID, NUMBER, IncidentType.GAS_LEAK, Severity.MODERATE,
                    Urgency.IMMEDIATE, Certainty.LIKELY, MAIN_STREET, "Gas main pressure drop",
                    new IncidentSource(SourceKind.SENSOR, "GP-0101"), false, NOW);
            var valve = new RequestTaskCommand(task(1), ID, Department.GAS_UTILITY,
                    "Close valve V-0117, then: Isolate the segment and repair", GAS.priority(),
                    NOW.plus(GAS.acknowledgeWithin()));
            fixture.givenCurrentTime(NOW).whenPublishingA(report).expectDispatchedCommands(valve);

            var second = new SagaTestFixture<>(IncidentResponseSaga.class);
            second.registerResource(new TestPlans());
            second.registerResource(new RecordingNotifier());
            second.registerResource(new FixtureClock(second::currentTime));
            second.registerResource(VALVES);
            second.givenCurrentTime(NOW).andThenAPublished(report)
                    .andThenAPublished(new TaskRequestedEvent(task(1), ID, Department.GAS_UTILITY, valve.action(),
                            valve.priority(), valve.acknowledgeBy(), NOW))
                    .whenPublishingA(confirmed())
                    .expectDispatchedCommands(request(2, FIRE), request(3, POLICE));
        }

        @Test
        void confirmingRequestsEveryLineOfThePlan() {
            given(reported()).whenPublishingA(confirmed())
                    .expectActiveSagas(1)
                    .expectDispatchedCommands(severeRequests());
        }

        @Test
        void everyCommandNamesTheResponseProcessAsItsActor() {
            given(reported()).whenPublishingA(confirmed())
                    .expectDispatchedCommandsMatching(allSentBy(Actor.system("incident-response")));
        }

        @Test
        void anOperatorsReportWaitsForConfirmation() {
            fixture.givenCurrentTime(NOW).whenPublishingA(reported())
                    .expectActiveSagas(1)
                    .expectNoDispatchedCommands();
        }

        @Test
        void aSensorReportingSevereCountsAsConfirmedAndALaterConfirmationDispatchesNothingMore() {
            fixture.givenCurrentTime(NOW).whenPublishingA(reported(Severity.SEVERE, SourceKind.SENSOR))
                    .expectDispatchedCommands(severeRequests());

            var second = new SagaTestFixture<>(IncidentResponseSaga.class);
            second.registerResource(new TestPlans());
            second.registerResource(new RecordingNotifier());
            second.registerResource(new FixtureClock(second::currentTime));
            second.registerResource(VALVES);
            second.givenCurrentTime(NOW).andThenAPublished(reported(Severity.EXTREME, SourceKind.SENSOR))
                    .whenPublishingA(confirmed())
                    .expectNoDispatchedCommands();
        }

        @Test
        void aSensorReportingModerateWaitsForConfirmation() {
            fixture.givenCurrentTime(NOW).whenPublishingA(reported(Severity.MODERATE, SourceKind.SENSOR))
                    .expectNoDispatchedCommands();
        }

        @Test
        void aReclassificationBeforeConfirmationChangesWhichPlanIsDispatched() {
            given(reported(Severity.MINOR, SourceKind.CALL),
                    new IncidentReclassifiedEvent(ID, IncidentType.GAS_LEAK, Severity.SEVERE, Urgency.IMMEDIATE,
                            Certainty.OBSERVED, Severity.MINOR, "more calls", NOW))
                    .whenPublishingA(confirmed())
                    .expectDispatchedCommands(severeRequests());
        }

        @Test
        void aRequestedTaskIsAnnouncedToItsDepartmentAndGetsAnAcknowledgmentDeadline() {
            given(reported(), confirmed())
                    .whenPublishingA(requested(1, GAS))
                    .expectScheduledDeadline(Duration.ofMinutes(2),
                            new AcknowledgmentDeadline(task(1), 1, NOW.plus(Duration.ofMinutes(2))))
                    .expectNoDispatchedCommands();
            assertThat(notifier.notices).usingRecursiveFieldByFieldElementComparatorIgnoringFields("idempotencyKey")
                    .containsExactly(new TaskNotice(NoticeKind.NEW_TASK, task(1), ID, Department.GAS_UTILITY,
                            GAS.action(), GAS.priority(), NOW.plus(Duration.ofMinutes(2)), null));
            assertThat(notifier.notices.get(0).idempotencyKey()).isNotBlank();
        }
    }

    @Nested
    class Progress {
        @Test
        void theFirstAcknowledgmentMarksTheIncidentResponding() {
            given(dispatchedSevere())
                    .whenPublishingA(acknowledged(2, Department.FIRE))
                    .expectDispatchedCommands(new MarkIncidentRespondingCommand(ID));
        }

        @Test
        void laterAcknowledgmentsDoNotAskAgain() {
            given(with(dispatchedSevere(), acknowledged(2, Department.FIRE)))
                    .whenPublishingA(acknowledged(1, Department.GAS_UTILITY))
                    .expectNoDispatchedCommands();
        }

        @Test
        void aHigherSeverityRequestsOnlyTheLinesTheNewPlanAdds() {
            given(dispatchedSevere())
                    .whenPublishingA(new IncidentReclassifiedEvent(ID, IncidentType.GAS_LEAK, Severity.EXTREME,
                            Urgency.IMMEDIATE, Certainty.OBSERVED, Severity.SEVERE, "second main", NOW))
                    .expectDispatchedCommands(request(7, SHELTER));
        }

        @Test
        void aLowerSeverityRequestsNothing() {
            given(dispatchedSevere())
                    .whenPublishingA(new IncidentReclassifiedEvent(ID, IncidentType.GAS_LEAK, Severity.MINOR,
                            Urgency.IMMEDIATE, Certainty.OBSERVED, Severity.SEVERE, "contained early", NOW))
                    .expectNoDispatchedCommands();
        }

        @Test
        void aDeclinedTaskIsAskedOfTheBackupDepartment() {
            given(dispatchedSevere())
                    .whenPublishingA(declined(2, Department.FIRE))
                    .expectDispatchedCommands(request(7, Department.ENVIRONMENT, FIRE))
                    .expectScheduledDeadlineWithName(Duration.ofMinutes(2), ACKNOWLEDGMENT_DEADLINE);
        }

        @Test
        void theBackupIsAskedOnlyOnce() {
            given(with(dispatchedSevere(), declined(2, Department.FIRE),
                    requested(7, Department.ENVIRONMENT, FIRE)))
                    .whenPublishingA(declined(7, Department.ENVIRONMENT))
                    .expectNoDispatchedCommands();
        }

        @Test
        void aDeclinedTaskWithoutBackupIsLeftToTheOperators() {
            given(dispatchedSevere())
                    .whenPublishingA(declined(5, Department.MEDICAL))
                    .expectNoDispatchedCommands();
        }

        @Test
        void whenEveryTaskIsDoneTheIncidentIsDeclaredReadyToContain() {
            var history = with(dispatchedSevere(), declined(2, Department.FIRE),
                    requested(7, Department.ENVIRONMENT, FIRE));
            for (int i = 0; i < SEVERE_LINES.size(); i++) {
                if (i != 1) {
                    history.add(completed(i + 1, SEVERE_LINES.get(i).department()));
                }
            }
            given(history)
                    .whenPublishingA(completed(7, Department.ENVIRONMENT))
                    .expectDispatchedCommands(new DeclareIncidentReadyToContainCommand(ID));
        }

        @Test
        void notBeforeTheLastTaskIsDone() {
            var history = dispatchedSevere();
            for (int i = 0; i < SEVERE_LINES.size() - 2; i++) {
                history.add(completed(i + 1, SEVERE_LINES.get(i).department()));
            }
            given(history)
                    .whenPublishingA(completed(5, Department.MEDICAL))
                    .expectNoDispatchedCommands();
        }

        @Test
        void aTaskSomeoneElseRequestedIsFollowedToo() {
            var extra = new TaskRequestedEvent(new TaskId("operator-task"), ID, Department.WATER,
                    "Check the water main", Priority.NORMAL, NOW.plus(Duration.ofMinutes(4)), NOW);
            given(reported(), confirmed())
                    .whenPublishingA(extra)
                    .expectScheduledDeadline(Duration.ofMinutes(4),
                            new AcknowledgmentDeadline(extra.taskId(), 1, NOW.plus(Duration.ofMinutes(4))));
            assertThat(notifier.of(NoticeKind.NEW_TASK)).extracting(TaskNotice::department)
                    .containsExactly(Department.WATER);
        }
    }

    @Nested
    class Ending {
        @Test
        void cancellingTheIncidentCancelsOpenTasksAndEnds() {
            given(with(dispatchedSevere(), completed(1, Department.GAS_UTILITY)))
                    .whenPublishingA(new IncidentCancelledEvent(ID, "false alarm", NOW))
                    .expectDispatchedCommands(cancellations("incident cancelled: false alarm", 2, 3, 4, 5, 6))
                    .expectNoScheduledDeadlines()
                    .expectActiveSagas(0);
            assertThat(notifier.of(NoticeKind.TASK_CANCELLED)).hasSize(5)
                    .as("one event cancels five tasks: each notice has a key of its own")
                    .extracting(TaskNotice::idempotencyKey).doesNotHaveDuplicates();
        }

        @Test
        void mergingTheIncidentCancelsOpenTasksAndEnds() {
            var other = new IncidentId("incident-2");
            given(dispatchedSevere())
                    .whenPublishingA(new IncidentMergedEvent(ID, other, NOW))
                    .expectDispatchedCommands(cancellations("incident merged into incident-2", 1, 2, 3, 4, 5, 6))
                    .expectNoScheduledDeadlines()
                    .expectActiveSagas(0);
            assertThat(notifier.of(NoticeKind.TASK_CANCELLED)).hasSize(6);
        }

        @Test
        void closingTheIncidentEndsTheSagaCancellingWhatIsStillOpen() {
            var history = dispatchedSevere();
            for (int i = 0; i < SEVERE_LINES.size() - 1; i++) {
                history.add(completed(i + 1, SEVERE_LINES.get(i).department()));
            }
            given(history)
                    .whenPublishingA(new IncidentClosedEvent(ID, NOW))
                    .expectDispatchedCommands(new CancelTaskCommand(task(6), "incident closed"))
                    .expectNoScheduledDeadlines()
                    .expectActiveSagas(0);
        }

        private Object[] cancellations(String reason, int... numbers) {
            var commands = new Object[numbers.length];
            for (int i = 0; i < numbers.length; i++) {
                commands[i] = new CancelTaskCommand(task(numbers[i]), reason);
            }
            return commands;
        }
    }

    /** GAS_UTILITY's line: 2 minutes, then RENOTIFY, DUTY_SUPERVISOR, BACKUP_DEPARTMENT, RAISE_SEVERITY. */
    @Nested
    class Escalation {
        static final Duration TWO_MINUTES = Duration.ofMinutes(2);

        private List<Object> gasTaskRequested() {
            return List.of(reported(), confirmed(), requested(1, GAS));
        }

        private Instant at(int minutes) {
            return NOW.plus(Duration.ofMinutes(minutes));
        }

        @Test
        void level1RenotifiesWhenTheFirstDeadlinePasses() throws Exception {
            given(gasTaskRequested())
                    .whenTimeElapses(TWO_MINUTES)
                    .expectDispatchedCommands(new EscalateTaskCommand(task(1), 1, EscalationStep.RENOTIFY, at(4)))
                    .expectScheduledDeadline(TWO_MINUTES, new AcknowledgmentDeadline(task(1), 2, at(4)));
        }

        @Test
        void level1StepRemindsTheDepartment() throws Exception {
            given(gasTaskRequested())
                    .whenPublishingA(escalated(1, Department.GAS_UTILITY, 1, EscalationStep.RENOTIFY, at(4)))
                    .expectNoDispatchedCommands();
            assertThat(notifier.notices).usingRecursiveFieldByFieldElementComparatorIgnoringFields("idempotencyKey")
                    .containsExactly(new TaskNotice(NoticeKind.REMINDER, task(1), ID, Department.GAS_UTILITY,
                            GAS.action(), GAS.priority(), at(4), null));
        }

        @Test
        void level2AlertsTheDutySupervisor() throws Exception {
            given(gasTaskRequested())
                    .andThenTimeElapses(TWO_MINUTES)
                    .andThenAPublished(escalated(1, Department.GAS_UTILITY, 1, EscalationStep.RENOTIFY, at(4)))
                    .whenTimeElapses(TWO_MINUTES)
                    .expectDispatchedCommands(
                            new EscalateTaskCommand(task(1), 2, EscalationStep.DUTY_SUPERVISOR, at(6)))
                    .expectScheduledDeadline(TWO_MINUTES, new AcknowledgmentDeadline(task(1), 3, at(6)));
        }

        @Test
        void level2StepAlertsTheSupervisor() throws Exception {
            given(gasTaskRequested())
                    .whenPublishingA(escalated(1, Department.GAS_UTILITY, 2, EscalationStep.DUTY_SUPERVISOR, at(6)))
                    .expectNoDispatchedCommands();
            assertThat(notifier.of(NoticeKind.SUPERVISOR_ALERT)).hasSize(1);
        }

        @Test
        void level3AsksTheBackupDepartment() throws Exception {
            given(gasTaskRequested())
                    .andThenTimeElapses(TWO_MINUTES)
                    .andThenTimeElapses(TWO_MINUTES)
                    .whenTimeElapses(TWO_MINUTES)
                    .expectDispatchedCommands(
                            new EscalateTaskCommand(task(1), 3, EscalationStep.BACKUP_DEPARTMENT, at(8)));
        }

        @Test
        void level3StepRequestsTheTaskFromTheBackupDepartment() throws Exception {
            given(gasTaskRequested())
                    .andThenTimeElapses(TWO_MINUTES)
                    .andThenTimeElapses(TWO_MINUTES)
                    .andThenTimeElapses(TWO_MINUTES)
                    .whenPublishingA(escalated(1, Department.GAS_UTILITY, 3, EscalationStep.BACKUP_DEPARTMENT, at(8)))
                    .expectDispatchedCommands(new RequestTaskCommand(task(7), ID, Department.PUBLIC_WORKS,
                            GAS.action(), GAS.priority(), at(6).plus(TWO_MINUTES)));
        }

        @Test
        void level4RaisesTheSeverityAndIsTheLast() throws Exception {
            given(gasTaskRequested())
                    .andThenTimeElapses(TWO_MINUTES)
                    .andThenTimeElapses(TWO_MINUTES)
                    .andThenTimeElapses(TWO_MINUTES)
                    .whenTimeElapses(TWO_MINUTES)
                    .expectDispatchedCommands(
                            new EscalateTaskCommand(task(1), 4, EscalationStep.RAISE_SEVERITY, null))
                    .expectNoScheduledDeadlines();
        }

        @Test
        void level4StepRaisesTheSeverityOneLevelWhichDispatchesTheNewPlansExtraLines() throws Exception {
            given(dispatchedSevere())
                    .whenPublishingA(escalated(1, Department.GAS_UTILITY, 4, EscalationStep.RAISE_SEVERITY, null))
                    .expectDispatchedCommands(new ReclassifyIncidentCommand(ID, null, Severity.EXTREME, null, null,
                            "GAS_UTILITY did not acknowledge \"Isolate the segment and repair\""));
        }

        @Test
        void theSeverityIsNeverRaisedAboveExtreme() throws Exception {
            given(reported(Severity.EXTREME, SourceKind.SENSOR), requested(1, GAS))
                    .whenPublishingA(escalated(1, Department.GAS_UTILITY, 4, EscalationStep.RAISE_SEVERITY, null))
                    .expectNoDispatchedCommands();
        }

        @Test
        void anAcknowledgedTasksDeadlineNeverFires() throws Exception {
            given(with(gasTaskRequested(), acknowledged(1, Department.GAS_UTILITY)))
                    .whenTimeElapses(Duration.ofHours(1))
                    .expectNoDispatchedCommands()
                    .expectNoScheduledDeadlines()
                    .expectTriggeredDeadlines();
        }

        @Test
        void aStepIsSkippedWhenTheTaskWasAcknowledgedMeanwhile() throws Exception {
            given(with(gasTaskRequested(), acknowledged(1, Department.GAS_UTILITY)))
                    .whenPublishingA(escalated(1, Department.GAS_UTILITY, 1, EscalationStep.RENOTIFY, at(4)))
                    .expectNoDispatchedCommands();
            assertThat(notifier.notices).isEmpty();
        }

        @Test
        void aDeadlineFiredEarlyWaitsForItsTimeInsteadOfEscalating() throws Exception {
            var given = given(gasTaskRequested());
            clock.lagOnce(Duration.ofSeconds(3));   // as JobRunr does, handing out a job up to one poll early
            given.whenTimeElapses(TWO_MINUTES)
                    // fired, rescheduled for the same due time, fired again on time: escalated once
                    .expectTriggeredDeadlines(new AcknowledgmentDeadline(task(1), 1, at(2)),
                            new AcknowledgmentDeadline(task(1), 1, at(2)))
                    .expectDispatchedCommands(new EscalateTaskCommand(task(1), 1, EscalationStep.RENOTIFY, at(4)));
        }
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    static Matcher<List<CommandMessage<?>>> allSentBy(Actor actor) {
        Matcher<CommandMessage<?>> sentBy = new TypeSafeMatcher<>() {
            @Override
            protected boolean matchesSafely(CommandMessage<?> command) {
                return actor.equals(Actor.fromMetaData(command.getMetaData()));
            }

            @Override
            public void describeTo(Description description) {
                description.appendText("a command sent by ").appendValue(actor);
            }
        };
        return (Matcher) Matchers.allOf(Matchers.not(Matchers.empty()), Matchers.everyItem((Matcher) sentBy));
    }
}
