package city.beacon.infra.department;

import city.beacon.web.department.DepartmentStatus;
import city.beacon.api.common.Department;
import city.beacon.api.task.NoticeKind;
import city.beacon.infra.department.FakeDepartmentSystem.Reply;
import city.beacon.saga.notify.DepartmentNotifier;
import city.beacon.saga.notify.TaskNotice;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.springboot3.circuitbreaker.autoconfigure.CircuitBreakerAutoConfiguration;
import io.github.resilience4j.springboot3.timelimiter.autoconfigure.TimeLimiterAutoConfiguration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.ConfigDataApplicationContextInitializer;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.ConfigurableApplicationContext;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The webhook notifier against real HTTP servers standing in for departments' systems, configured through the same
 * properties as production (departments.yml) with only the timings shortened.
 */
class WebhookDepartmentNotifierTest {
    private static final Department FIRE = Department.FIRE;
    private static final Duration OUTCOME_WAIT = Duration.ofSeconds(10);
    private static final String[] SHORT_TIMINGS = {
            "beacon.department-notifier.connect-timeout=500ms",
            "resilience4j.timelimiter.configs.department.timeout-duration=500ms",
            "beacon.department-notifier.first-retry-after=50ms",
            "beacon.department-notifier.max-retry-after=200ms",
            "resilience4j.circuitbreaker.configs.department.sliding-window-size=4",
            "resilience4j.circuitbreaker.configs.department.minimum-number-of-calls=4",
            "resilience4j.circuitbreaker.configs.department.wait-duration-in-open-state=1s",
    };

    private final RecordingOutcomes outcomes = new RecordingOutcomes();
    private final List<FakeDepartmentSystem> systems = new ArrayList<>();

    /**
     * The JVM's first HTTP exchange loads and compiles a lot; on a busy machine it can take longer than the short
     * time limit used here, which would turn "one try" into two.
     */
    @BeforeAll
    static void warmUpHttp() {
        try (var system = FakeDepartmentSystem.answering(Reply.ok())) {
            var client = new WebhookClient(Duration.ofSeconds(5));
            var request = client.request(Notices.newTask(FIRE), system.url("/warm-up"), Duration.ofSeconds(5));
            client.send(request).join();
        }
    }

    @AfterEach
    void stopSystems() {
        systems.forEach(FakeDepartmentSystem::close);
    }

    @Test
    void aHealthySystemReceivesTheTaskAsJsonOnTheFirstTry() throws Exception {
        var fire = system(Reply.ok());
        run(webhook("fire", fire.url("/beacon/tasks")), notifier -> {
            TaskNotice notice = Notices.newTask(FIRE);
            notifier.notify(notice);

            var outcome = outcomes.next(OUTCOME_WAIT);
            assertThat(outcome.delivered()).isTrue();
            assertThat(outcome.attempts()).isEqualTo(1);
            assertThat(outcome.recipient()).isEqualTo(fire.url("/beacon/tasks").toString());
            assertThat(outcome.notice()).isEqualTo(notice);
            assertThat(outcome.thread()).startsWith("department-notifier-");

            var received = fire.received().get(0);
            assertThat(received.path()).isEqualTo("/beacon/tasks");
            assertThat(received.contentType()).isEqualTo("application/json");
            assertThat(received.idempotencyKey()).isEqualTo(notice.idempotencyKey());
            JsonNode body = readJson(received.body());
            assertThat(body.get("taskId").asText()).isEqualTo(notice.taskId().value());
            assertThat(body.get("incidentId").asText()).isEqualTo(notice.incidentId().value());
            assertThat(body.get("department").asText()).isEqualTo("FIRE");
            assertThat(body.get("kind").asText()).isEqualTo("NEW_TASK");
            assertThat(body.get("action").asText()).isEqualTo("Stand by against ignition");
            assertThat(body.get("priority").asText()).isEqualTo("CRITICAL");
            assertThat(body.get("acknowledgeBy").asText()).isEqualTo("2026-11-28T10:15:00Z");
            assertThat(body.get("callback").asText())
                    .isEqualTo("/api/departments/FIRE/tasks/" + notice.taskId().value() + "/acknowledge");
        });
    }

    @Test
    void aTryThatTimesOutIsRetriedWithTheSameIdempotencyKeyAndALaterFastAnswerDelivers() {
        var fire = system(Reply.slow(Duration.ofSeconds(5)), Reply.ok());
        run(webhook("fire", fire.url("/beacon/tasks")), notifier -> {
            var notice = Notices.newTask(FIRE);
            notifier.notify(notice);

            var outcome = outcomes.next(OUTCOME_WAIT);
            assertThat(outcome.delivered()).isTrue();
            assertThat(outcome.attempts()).isEqualTo(2);
            assertThat(fire.received()).extracting(FakeDepartmentSystem.Received::idempotencyKey)
                    .containsExactly(notice.idempotencyKey(), notice.idempotencyKey());
        });
    }

    @Test
    void failedTriesAreRepeatedWellPastResilienceDefaultsUntilTheSystemAnswers() {
        var fire = system(Reply.status(408), Reply.status(429), Reply.status(503), Reply.status(500),
                Reply.status(502), Reply.status(500), Reply.ok());
        run(webhook("fire", fire.url("/beacon/tasks")), notifier -> {
            notifier.notify(Notices.newTask(FIRE));

            var outcome = outcomes.next(OUTCOME_WAIT);
            assertThat(outcome.delivered()).isTrue();
            assertThat(fire.requests()).isEqualTo(7);
            assertThat(outcome.attempts()).as("tries, including those the open circuit refused").isGreaterThanOrEqualTo(7);
        });
    }

    @Test
    void whileASystemIsDownNoticesWaitAndWhenItReturnsEachArrivesOnceInTheOrderIssued() {
        var fire = system(Reply.status(500));
        run(webhook("fire", fire.url("/beacon/tasks")), notifier -> {
            var issued = new ArrayList<String>();
            for (int i = 0; i < 6; i++) {
                var notice = Notices.newTask(FIRE);
                issued.add(notice.idempotencyKey());
                notifier.notify(notice);
            }
            notifier.notify(Notices.notice(NoticeKind.TASK_CANCELLED, FIRE));   // issued last, must arrive last
            await().atMost(OUTCOME_WAIT).until(() -> state(notifier, FIRE).circuit().equals("OPEN"));
            var down = state(notifier, FIRE);
            assertThat(down.pending()).isEqualTo(7);
            assertThat(down.lastFailure()).startsWith("HTTP 500");
            assertThat(outcomes.isEmpty()).as("nothing given up while the system is down").isTrue();
            assertThat(fire.firstArrivals()).as("the second notice waits behind the first")
                    .containsExactly(issued.get(0));

            fire.answerFromNowOn(Reply.ok());
            var delivered = new ArrayList<String>();
            for (int i = 0; i < 7; i++) {
                var outcome = outcomes.next(Duration.ofSeconds(20));
                assertThat(outcome.delivered()).isTrue();
                delivered.add(outcome.notice().idempotencyKey());
            }
            assertThat(delivered.subList(0, 6)).isEqualTo(issued);
            assertThat(fire.firstArrivals()).isEqualTo(delivered);
            var accepted = fire.received().stream().map(FakeDepartmentSystem.Received::idempotencyKey).toList();
            assertThat(accepted.subList(accepted.size() - 7, accepted.size()))
                    .as("after the outage each notice arrived exactly once").isEqualTo(delivered);
            await().atMost(OUTCOME_WAIT).until(() -> state(notifier, FIRE).pending() == 0);
            assertThat(state(notifier, FIRE).lastSuccessAt()).isNotNull();
        });
    }

    @Test
    void theSameNoticeIssuedTwiceIsSentOnce() {
        var fire = system(Reply.ok());
        run(webhook("fire", fire.url("/beacon/tasks")), notifier -> {
            var notice = Notices.newTask(FIRE);
            notifier.notify(notice);
            notifier.notify(notice);   // a saga handling the same event again after a crash
            notifier.notify(Notices.newTask(FIRE));   // a marker

            assertThat(outcomes.next(OUTCOME_WAIT).notice()).isEqualTo(notice);
            assertThat(outcomes.next(OUTCOME_WAIT).notice()).isNotEqualTo(notice);
            assertThat(fire.requests()).isEqualTo(2);
        });
    }

    @Test
    void aNoticeStillUndeliveredAtItsMaximumAgeIsGivenUpAndTheNextOneFollows() {
        URI down = FakeDepartmentSystem.nothingListening();
        String[] properties = {"beacon.departments.fire.webhook-url=" + down,
                "beacon.department-notifier.give-up-after=1s"};
        run(properties, notifier -> {
            notifier.notify(Notices.newTask(FIRE));
            notifier.notify(Notices.newTask(FIRE));

            var first = outcomes.next(OUTCOME_WAIT);
            assertThat(first.delivered()).isFalse();
            assertThat(first.attempts()).isGreaterThan(1);
            assertThat(first.reason()).startsWith("given up after").contains("could not connect");
            assertThat(first.reason()).contains("limit 1 s");
            assertThat(outcomes.next(OUTCOME_WAIT).delivered()).isFalse();
        });
    }

    @Test
    void aRefusalLikeBadRequestIsNotRetriedAndTheNextNoticeFollows() {
        var fire = system(Reply.status(400), Reply.ok());
        run(webhook("fire", fire.url("/beacon/tasks")), notifier -> {
            notifier.notify(Notices.newTask(FIRE));
            notifier.notify(Notices.newTask(FIRE));

            var outcome = outcomes.next(OUTCOME_WAIT);
            assertThat(outcome.delivered()).isFalse();
            assertThat(outcome.attempts()).isEqualTo(1);
            assertThat(outcome.reason()).startsWith("refused: HTTP 400");
            assertThat(outcomes.next(OUTCOME_WAIT).delivered()).isTrue();
            assertThat(fire.requests()).isEqualTo(2);
        });
    }

    @Test
    void noticesPendingWhenBeaconStopsAreDeliveredInOrderAfterTheRestart() {
        var outbox = new MemoryPendingNotices();   // stands in for the store both runs share
        URI down = FakeDepartmentSystem.nothingListening();
        var issued = new ArrayList<String>();
        run(new String[]{"beacon.departments.fire.webhook-url=" + down}, outbox, notifier -> {
            for (int i = 0; i < 3; i++) {
                var notice = Notices.newTask(FIRE);
                issued.add(notice.idempotencyKey());
                notifier.notify(notice);
            }
            await().atMost(OUTCOME_WAIT).until(() -> state(notifier, FIRE).lastFailureAt() != null);
        });
        assertThat(outcomes.isEmpty()).isTrue();

        var fire = system(Reply.ok());
        run(webhook("fire", fire.url("/beacon/tasks")), outbox, notifier -> {
            var delivered = new ArrayList<String>();
            for (int i = 0; i < 3; i++) {
                var outcome = outcomes.next(OUTCOME_WAIT);
                assertThat(outcome.delivered()).isTrue();
                delivered.add(outcome.notice().idempotencyKey());
            }
            assertThat(delivered).isEqualTo(issued);
            assertThat(fire.firstArrivals()).isEqualTo(issued);
            await().atMost(OUTCOME_WAIT).until(() -> outbox.all().isEmpty());
        });
    }

    @Test
    void aSystemThatIsDownOpensItsCircuitAndTheStatusSaysWhy() {
        URI down = FakeDepartmentSystem.nothingListening();
        run(webhook("fire", down), notifier -> {
            notifier.notify(Notices.newTask(FIRE));

            await().atMost(OUTCOME_WAIT).until(() -> state(notifier, FIRE).circuit().equals("OPEN"));
            var fire = state(notifier, FIRE);
            assertThat(fire.hasSystem()).isTrue();
            assertThat(fire.pending()).isEqualTo(1);
            assertThat(fire.triesOfOldest()).isGreaterThanOrEqualTo(4);
            assertThat(fire.oldestPendingSince()).isNotNull();
            assertThat(fire.lastFailure()).contains("could not connect");
            var police = state(notifier, Department.POLICE);
            assertThat(police.hasSystem()).isFalse();
            assertThat(police.circuit()).isNull();
        });
    }

    @Test
    void supervisorAlertsGoToTheSupervisorsWebhookWhenThereIsOne() {
        var gas = system(Reply.ok());
        String[] urls = {
                "beacon.departments.[gas_utility].webhook-url=" + gas.url("/tasks"),
                "beacon.departments.[gas_utility].supervisor-webhook-url=" + gas.url("/duty-supervisor"),
                "beacon.departments.fire.webhook-url=" + gas.url("/fire"),
        };
        run(urls, notifier -> {
            notifier.notify(Notices.notice(NoticeKind.SUPERVISOR_ALERT, Department.GAS_UTILITY));
            assertThat(outcomes.next(OUTCOME_WAIT).recipient()).endsWith("/duty-supervisor");
            notifier.notify(Notices.notice(NoticeKind.REMINDER, Department.GAS_UTILITY));
            assertThat(outcomes.next(OUTCOME_WAIT).recipient()).endsWith("/tasks");
            notifier.notify(Notices.notice(NoticeKind.SUPERVISOR_ALERT, FIRE));
            assertThat(outcomes.next(OUTCOME_WAIT).recipient()).endsWith("/fire");
        });
    }

    @Test
    void aDepartmentWithoutWebhookGetsNothingSentAndNoOutcome() throws Exception {
        var fire = system(Reply.ok());
        run(webhook("fire", fire.url("/beacon/tasks")), notifier -> {
            notifier.notify(Notices.newTask(Department.POLICE));
            notifier.notify(Notices.newTask(FIRE));   // a marker: outcomes are reported in order of completion

            assertThat(outcomes.next(OUTCOME_WAIT).notice().department()).isEqualTo(FIRE);
            // Nothing was queued for POLICE, so no outcome can follow: no need to wait and see.
            var police = state(notifier, Department.POLICE);
            assertThat(police.hasSystem()).isFalse();
            assertThat(police.pending()).isZero();
            assertThat(outcomes.isEmpty()).isTrue();
            assertThat(fire.requests()).isEqualTo(1);
        });
    }

    /**
     * notify() hands the notice to the department's line and returns: it waits neither for an answer nor for a
     * retry. Shown without timing it: POLICE's system holds every request until the end of the test and the time
     * limit is longer than the test, so had notify() waited for POLICE, no notice after the first would be in line
     * and a failure would have been recorded by the time it returned.
     */
    @Test
    @Timeout(value = 3, unit = TimeUnit.MINUTES)   // a notify() that waited would otherwise hold the build
    void notifyDoesNotWaitForAHealthySlowOrDeadDepartment() {
        var healthy = system(Reply.ok());
        var holding = system(Reply.heldUntilReleased());
        String[] urls = {
                "beacon.departments.fire.webhook-url=" + healthy.url("/tasks"),
                "beacon.departments.police.webhook-url=" + holding.url("/tasks"),
                "beacon.departments.medical.webhook-url=" + FakeDepartmentSystem.nothingListening(),
                "resilience4j.timelimiter.configs.department.timeout-duration=" + FakeDepartmentSystem.LONGEST_HOLD,
        };
        run(urls, notifier -> {
            try {
                for (var department : List.of(FIRE, Department.POLICE, Department.MEDICAL)) {
                    for (int i = 0; i < 20; i++) {
                        notifier.notify(Notices.newTask(department));
                    }
                }
                var police = state(notifier, Department.POLICE);
                assertThat(police.pending()).as("POLICE notices in line").isEqualTo(20);
                assertThat(police.lastFailureAt()).as("POLICE has not failed yet: its first try is still open")
                        .isNull();
                assertThat(state(notifier, Department.MEDICAL).pending()).as("MEDICAL notices in line, retrying")
                        .isEqualTo(20);
                for (int i = 0; i < 20; i++) {
                    assertThat(outcomes.next(OUTCOME_WAIT).notice().department()).isEqualTo(FIRE);
                }
                await().atMost(OUTCOME_WAIT).until(() -> holding.requests() == 1);
                assertThat(state(notifier, Department.POLICE).pending()).as("the rest wait behind the first")
                        .isEqualTo(20);
            } finally {
                holding.release();
            }
        });
    }

    private FakeDepartmentSystem system(Reply... script) {
        var system = FakeDepartmentSystem.answering(script);
        systems.add(system);
        return system;
    }

    private static String[] webhook(String key, URI url) {
        return new String[]{"beacon.departments." + key + ".webhook-url=" + url};
    }

    private void run(String[] properties, Consumer<WebhookDepartmentNotifier> test) {
        run(properties, new MemoryPendingNotices(), test);
    }

    private void run(String[] properties, PendingNotices outbox, Consumer<WebhookDepartmentNotifier> test) {
        new ApplicationContextRunner()
                .withInitializer(new ConfigDataApplicationContextInitializer())   // application.yml → departments.yml
                .withConfiguration(AutoConfigurations.of(CircuitBreakerAutoConfiguration.class,
                        TimeLimiterAutoConfiguration.class))
                .withUserConfiguration(DepartmentNotifierConfiguration.class)
                .withBean(NotificationOutcomes.class, () -> outcomes)
                .withBean(PendingNotices.class, () -> outbox)
                .withPropertyValues(SHORT_TIMINGS)
                .withPropertyValues(properties)
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    assertThat(context.getBean(DepartmentNotifier.class)).isInstanceOf(WebhookDepartmentNotifier.class);
                    test.accept(context.getBean(WebhookDepartmentNotifier.class));
                    circuitStates(context);
                });
    }

    private static void circuitStates(ConfigurableApplicationContext context) {
        context.getBean(CircuitBreakerRegistry.class).getAllCircuitBreakers().stream()
                .filter(breaker -> breaker.getState() != CircuitBreaker.State.CLOSED)
                .forEach(breaker -> System.out.println("circuit " + breaker.getName() + ": " + breaker.getState()));
    }

    private static DepartmentStatus state(WebhookDepartmentNotifier notifier, Department department) {
        return notifier.departments().stream().filter(s -> s.department().equals(department.code())).findFirst()
                .orElseThrow();
    }

    private static JsonNode readJson(String body) throws RuntimeException {
        try {
            return new ObjectMapper().readTree(body);
        } catch (Exception e) {
            throw new IllegalStateException(body, e);
        }
    }
}
