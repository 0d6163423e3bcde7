package city.beacon.saga.response;

import city.beacon.api.common.Department;
import city.beacon.api.incident.Severity;
import city.beacon.api.incident.SourceKind;
import city.beacon.api.task.EscalateTaskCommand;
import city.beacon.api.task.EscalationStep;
import city.beacon.api.task.RequestTaskCommand;
import city.beacon.api.task.TaskId;
import org.axonframework.commandhandling.SimpleCommandBus;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.commandhandling.gateway.DefaultCommandGateway;
import org.axonframework.messaging.Scope;
import org.axonframework.messaging.ScopeDescriptor;
import org.axonframework.modelling.saga.SagaScopeDescriptor;
import org.axonframework.test.deadline.StubDeadlineManager;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

import static city.beacon.saga.response.IncidentResponseSaga.ACKNOWLEDGMENT_DEADLINE;
import static city.beacon.saga.response.IncidentResponseSagaTest.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * What a node that dies mid-work leaves behind for the response saga. Without transactions the saga's state is
 * stored before the deadline job it scheduled and before the events of the commands it sent, so a crash can keep the
 * state and lose the rest; the event is then handled again (its token was not stored) or the deadline job runs again
 * (JobRunr retries a job its dead node never finished). Either way the saga must redo what may be missing.
 */
class IncidentResponseSagaCrashTest {
    private static final AutomaticActions VALVES_EVERYWHERE = source -> Optional.of(
            new AutomaticActions.AutomaticAction(Department.GAS_UTILITY, "Close the nearest valve"));
    private final StubDeadlineManager deadlines = new StubDeadlineManager(NOW);
    private final List<Object> sent = new ArrayList<>();
    private final CommandGateway commands = gateway(sent);
    private final IncidentResponseSaga saga = new IncidentResponseSaga();
    private final TestPlans plans = new TestPlans();

    @Test
    void aTaskRequestHandledAgainSchedulesTheDeadlineThatNeverReachedTheStore() throws Exception {
        inSaga(() -> {
            saga.on(reported(), commands, plans, AutomaticActions.NONE, clockAt(Duration.ZERO), "reported-1");
            saga.on(confirmed(), commands, plans, clockAt(Duration.ZERO), "confirmed-1");
            saga.on(requested(1, TestPlans.GAS), deadlines, new RecordingNotifier(), plans, "event-1");
        });
        deadlines.cancelAll(ACKNOWLEDGMENT_DEADLINE);   // the node died after storing the saga, before the job

        inSaga(() -> saga.on(requested(1, TestPlans.GAS), deadlines, new RecordingNotifier(), plans, "event-1"));

        assertThat(payloads())
                .containsExactly(new AcknowledgmentDeadline(task(1), 1, NOW.plus(TestPlans.GAS.acknowledgeWithin())));
    }

    @Test
    void aConfirmationSeenAgainAsksAgainForTasksWhoseRequestWasNeverSeen() throws Exception {
        inSaga(() -> {
            saga.on(reported(), commands, plans, AutomaticActions.NONE, clockAt(Duration.ZERO), "reported-1");
            saga.on(confirmed(), commands, plans, clockAt(Duration.ZERO), "confirmed-1");
        });
        var first = requestedIds();
        sent.clear();   // the saga was stored; its commands' events were not (node died, or the store refused them)

        inSaga(() -> saga.on(confirmed(), commands, plans, clockAt(Duration.ofSeconds(5)), "confirmed-1"));

        assertThat(first).isNotEmpty();
        assertThat(requestedIds()).containsExactlyElementsOf(first);
    }

    @Test
    void aConfirmationSeenAgainDoesNotAskAgainForATaskWhoseRequestWasSeen() throws Exception {
        inSaga(() -> {
            saga.on(reported(), commands, plans, AutomaticActions.NONE, clockAt(Duration.ZERO), "reported-1");
            saga.on(confirmed(), commands, plans, clockAt(Duration.ZERO), "confirmed-1");
        });
        var all = requestedIds();
        inSaga(() -> saga.on(requested(1, TestPlans.GAS), deadlines, new RecordingNotifier(), plans, "event-1"));
        sent.clear();

        inSaga(() -> saga.on(confirmed(), commands, plans, clockAt(Duration.ofSeconds(5)), "confirmed-1"));

        assertThat(requestedIds()).doesNotContain(task(1)).containsExactlyElementsOf(all.subList(1, all.size()));
    }

    @Test
    void anotherEventAsksNothingAgain() throws Exception {
        inSaga(() -> {
            saga.on(reported(), commands, plans, AutomaticActions.NONE, clockAt(Duration.ZERO), "reported-1");
            saga.on(confirmed(), commands, plans, clockAt(Duration.ZERO), "confirmed-1");
        });
        sent.clear();

        inSaga(() -> saga.on(confirmed(), commands, plans, clockAt(Duration.ofSeconds(5)), "confirmed-2"));

        assertThat(sent).isEmpty();
    }

    @Test
    void aSensorsSevereReportSeenAgainAsksAgainForItsTasksAndNoMore() throws Exception {
        var sensorReport = reported(Severity.SEVERE, SourceKind.SENSOR);
        inSaga(() -> saga.on(sensorReport, commands, plans, VALVES_EVERYWHERE, clockAt(Duration.ZERO), "reported-1"));
        var first = requestedIds();
        sent.clear();

        inSaga(() -> saga.on(sensorReport, commands, plans, VALVES_EVERYWHERE, clockAt(Duration.ofSeconds(5)),
                "reported-1"));

        assertThat(first).hasSizeGreaterThan(1);   // the valve and the plan's other lines
        assertThat(requestedIds()).containsExactlyElementsOf(first);
    }

    @Test
    void aTaskRequestHandledTwiceLeavesOneDeadline() throws Exception {
        inSaga(() -> {
            saga.on(reported(), commands, plans, AutomaticActions.NONE, clockAt(Duration.ZERO), "reported-1");
            saga.on(confirmed(), commands, plans, clockAt(Duration.ZERO), "confirmed-1");
            saga.on(requested(1, TestPlans.GAS), deadlines, new RecordingNotifier(), plans, "event-1");
            saga.on(requested(1, TestPlans.GAS), deadlines, new RecordingNotifier(), plans, "event-1");
        });

        assertThat(deadlines.getScheduledDeadlines()).hasSize(1);
    }

    @Test
    void aDeadlineJobRunAgainAsksForItsEscalationAgainAndSchedulesTheNextLevelOnce() throws Exception {
        var due = NOW.plus(TestPlans.GAS.acknowledgeWithin());
        var first = new AcknowledgmentDeadline(task(1), 1, due);
        inSaga(() -> {
            saga.on(reported(), commands, plans, AutomaticActions.NONE, clockAt(Duration.ZERO), "reported-1");
            saga.on(confirmed(), commands, plans, clockAt(Duration.ZERO), "confirmed-1");
            saga.on(requested(1, TestPlans.GAS), deadlines, new RecordingNotifier(), plans, "event-1");
            deadlines.cancelAll(ACKNOWLEDGMENT_DEADLINE);   // the job runs by hand below
            saga.acknowledgmentMissed(first, commands, deadlines, clockAt(TestPlans.GAS.acknowledgeWithin()));
        });
        // The node died after storing the saga, before the escalation's event and the next level's job: JobRunr
        // finds the job orphaned and runs it again on the restarted node, half a minute later.
        deadlines.cancelAll(ACKNOWLEDGMENT_DEADLINE);
        var later = TestPlans.GAS.acknowledgeWithin().plusSeconds(30);
        inSaga(() -> saga.acknowledgmentMissed(first, commands, deadlines, clockAt(later)));

        var escalations = sent.stream().filter(EscalateTaskCommand.class::isInstance)
                .map(EscalateTaskCommand.class::cast).toList();
        assertThat(escalations).extracting(EscalateTaskCommand::level, EscalateTaskCommand::step)
                .containsExactly(tuple(1, EscalationStep.RENOTIFY), tuple(1, EscalationStep.RENOTIFY));
        assertThat(payloads()).containsExactly(new AcknowledgmentDeadline(task(1), 2,
                        NOW.plus(later).plus(TestPlans.GAS.acknowledgeWithin())));
    }

    @Test
    void aLevelAlreadyPassedDoesNothingWhenItsJobRunsAgain() throws Exception {
        var within = TestPlans.GAS.acknowledgeWithin();
        var first = new AcknowledgmentDeadline(task(1), 1, NOW.plus(within));
        inSaga(() -> {
            saga.on(reported(), commands, plans, AutomaticActions.NONE, clockAt(Duration.ZERO), "reported-1");
            saga.on(confirmed(), commands, plans, clockAt(Duration.ZERO), "confirmed-1");
            saga.on(requested(1, TestPlans.GAS), deadlines, new RecordingNotifier(), plans, "event-1");
            saga.acknowledgmentMissed(first, commands, deadlines, clockAt(within));
            saga.acknowledgmentMissed(new AcknowledgmentDeadline(task(1), 2, NOW.plus(within.multipliedBy(2))),
                    commands, deadlines, clockAt(within.multipliedBy(2)));
        });
        sent.clear();

        inSaga(() -> saga.acknowledgmentMissed(first, commands, deadlines, clockAt(within.multipliedBy(3))));

        assertThat(sent).isEmpty();
    }

    private List<TaskId> requestedIds() {
        return sent.stream().filter(RequestTaskCommand.class::isInstance)
                .map(command -> ((RequestTaskCommand) command).taskId()).toList();
    }

    private List<Object> payloads() {
        return deadlines.getScheduledDeadlines().stream()
                .map(info -> (Object) info.deadlineMessage().getPayload()).toList();
    }

    private static Clock clockAt(Duration sinceNow) {
        return Clock.fixed(NOW.plus(sinceNow), ZoneOffset.UTC);
    }

    private static CommandGateway gateway(List<Object> sent) {
        var bus = SimpleCommandBus.builder().build();
        bus.subscribe(RequestTaskCommand.class.getName(), command -> {
            sent.add(command.getPayload());
            return null;
        });
        bus.subscribe(EscalateTaskCommand.class.getName(), command -> {
            sent.add(command.getPayload());
            return null;
        });
        return DefaultCommandGateway.builder().commandBus(bus).build();
    }

    /** Deadlines are scheduled in the scope of the running saga, as Axon's saga manager provides it. */
    private static void inSaga(ThrowingRunnable work) throws Exception {
        new Scope() {
            @Override
            public ScopeDescriptor describeScope() {
                return new SagaScopeDescriptor(IncidentResponseSaga.class.getSimpleName(), "saga-1");
            }

            void run() throws Exception {
                executeWithResult((Callable<Void>) () -> {
                    work.run();
                    return null;
                });
            }
        }.run();
    }

    @FunctionalInterface
    private interface ThrowingRunnable {
        void run() throws Exception;
    }
}
