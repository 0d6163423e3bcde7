package city.beacon.infra.department;

import city.beacon.api.common.Department;
import city.beacon.api.task.NoticeKind;
import city.beacon.infra.department.FakeDepartmentSystem.Reply;
import city.beacon.saga.notify.DepartmentNotifier;
import city.beacon.saga.notify.TaskNotice;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.springboot3.bulkhead.autoconfigure.BulkheadAutoConfiguration;
import io.github.resilience4j.springboot3.circuitbreaker.autoconfigure.CircuitBreakerAutoConfiguration;
import io.github.resilience4j.springboot3.retry.autoconfigure.RetryAutoConfiguration;
import io.github.resilience4j.springboot3.timelimiter.autoconfigure.TimeLimiterAutoConfiguration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.ConfigDataApplicationContextInitializer;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.ConfigurableApplicationContext;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;

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
            "resilience4j.retry.configs.department.wait-duration=50ms",
            "resilience4j.circuitbreaker.configs.department.sliding-window-size=4",
            "resilience4j.circuitbreaker.configs.department.minimum-number-of-calls=4",
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
            var request = client.request(Notices.newTask(FIRE), system.url("/warm-up"), "warm-up", Duration.ofSeconds(5));
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
            assertThat(received.deliveryId()).isNotBlank();
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
    void aSlowSystemTimesOutOnEveryTryAndTheNoticeFailsNamingTheTimeout() {
        var fire = system(Reply.slow(Duration.ofSeconds(5)));
        run(webhook("fire", fire.url("/beacon/tasks")), notifier -> {
            long start = System.nanoTime();
            notifier.notify(Notices.newTask(FIRE));

            var outcome = outcomes.next(OUTCOME_WAIT);
            long tookMs = (System.nanoTime() - start) / 1_000_000;
            assertThat(outcome.delivered()).isFalse();
            assertThat(outcome.attempts()).isEqualTo(4);
            assertThat(outcome.reason()).contains("timed out").contains("500 ms");
            assertThat(fire.requests()).isEqualTo(4);
            assertThat(tookMs).as("4 tries of 500 ms plus backoff, not 4 × 5 s").isLessThan(5_000);
        });
    }

    @Test
    void aTryThatTimesOutIsRetriedAndALaterFastAnswerDelivers() {
        var fire = system(Reply.slow(Duration.ofSeconds(5)), Reply.ok());
        run(webhook("fire", fire.url("/beacon/tasks")), notifier -> {
            notifier.notify(Notices.newTask(FIRE));

            var outcome = outcomes.next(OUTCOME_WAIT);
            assertThat(outcome.delivered()).isTrue();
            assertThat(outcome.attempts()).isEqualTo(2);
            // both tries carried the same delivery id, so the department can drop a repeat
            assertThat(fire.received()).extracting(FakeDepartmentSystem.Received::deliveryId).hasSize(2)
                    .containsOnly(fire.received().get(0).deliveryId());
        });
    }

    @Test
    void serverErrorsAreRetriedToTheLimitThenTheOpenCircuitFailsFurtherNoticesWithoutCallingTheSystem() {
        var fire = system(Reply.status(500));
        run(webhook("fire", fire.url("/beacon/tasks")), notifier -> {
            notifier.notify(Notices.newTask(FIRE));
            var first = outcomes.next(OUTCOME_WAIT);
            assertThat(first.delivered()).isFalse();
            assertThat(first.attempts()).isEqualTo(4);
            assertThat(first.reason()).startsWith("HTTP 500");
            assertThat(fire.requests()).isEqualTo(4);

            long start = System.nanoTime();
            notifier.notify(Notices.newTask(FIRE));
            var second = outcomes.next(OUTCOME_WAIT);
            long tookMs = (System.nanoTime() - start) / 1_000_000;
            assertThat(second.delivered()).isFalse();
            assertThat(second.attempts()).isEqualTo(1);
            assertThat(second.reason()).contains("circuit breaker open for FIRE");
            assertThat(fire.requests()).as("the open circuit kept the notice from the system").isEqualTo(4);
            assertThat(tookMs).as("an open circuit fails fast, without retry waits").isLessThan(1_000);
        });
    }

    @Test
    void timeoutAndTooManyRequestsAnswersAreRetried() {
        var fire = system(Reply.status(408), Reply.status(429), Reply.status(503), Reply.ok());
        run(webhook("fire", fire.url("/beacon/tasks")), notifier -> {
            notifier.notify(Notices.newTask(FIRE));

            var outcome = outcomes.next(OUTCOME_WAIT);
            assertThat(outcome.delivered()).isTrue();
            assertThat(outcome.attempts()).isEqualTo(4);
        });
    }

    @Test
    void aSystemThatIsDownFailsQuicklyAfterEveryTry() {
        URI down = FakeDepartmentSystem.nothingListening();
        run(webhook("fire", down), notifier -> {
            long start = System.nanoTime();
            notifier.notify(Notices.newTask(FIRE));

            var outcome = outcomes.next(OUTCOME_WAIT);
            long tookMs = (System.nanoTime() - start) / 1_000_000;
            assertThat(outcome.delivered()).isFalse();
            assertThat(outcome.attempts()).isEqualTo(4);
            assertThat(outcome.reason()).contains("could not connect");
            assertThat(tookMs).as("refused connections plus backoff only").isLessThan(2_000);
        });
    }

    @Test
    void aRefusalLikeBadRequestIsNotRetried() {
        var fire = system(Reply.status(400));
        run(webhook("fire", fire.url("/beacon/tasks")), notifier -> {
            notifier.notify(Notices.newTask(FIRE));

            var outcome = outcomes.next(OUTCOME_WAIT);
            assertThat(outcome.delivered()).isFalse();
            assertThat(outcome.attempts()).isEqualTo(1);
            assertThat(outcome.reason()).startsWith("refused: HTTP 400");
            assertThat(fire.requests()).isEqualTo(1);
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
            sleep(Duration.ofMillis(200));
            assertThat(outcomes.isEmpty()).isTrue();
            assertThat(fire.requests()).isEqualTo(1);
        });
    }

    @Test
    void notifyReturnsAtOnceWhetherTheDepartmentIsHealthySlowOrDown() {
        var healthy = system(Reply.ok());
        var slow = system(Reply.slow(Duration.ofSeconds(5)));
        String[] urls = {
                "beacon.departments.fire.webhook-url=" + healthy.url("/tasks"),
                "beacon.departments.police.webhook-url=" + slow.url("/tasks"),
                "beacon.departments.medical.webhook-url=" + FakeDepartmentSystem.nothingListening(),
        };
        run(urls, notifier -> {
            notifier.notify(Notices.newTask(Department.TRAFFIC));   // warm up class loading, no webhook
            for (var department : List.of(FIRE, Department.POLICE, Department.MEDICAL)) {
                var latencies = new ArrayList<Long>();
                for (int i = 0; i < 20; i++) {
                    long start = System.nanoTime();
                    notifier.notify(Notices.newTask(department));
                    latencies.add((System.nanoTime() - start) / 1_000);
                }
                for (int i = 0; i < 20; i++) {
                    outcomes.next(OUTCOME_WAIT);
                }
                long first = latencies.get(0);
                latencies.sort(Long::compare);
                String state = department.equals(FIRE) ? "healthy"
                        : department.equals(Department.POLICE) ? "slow" : "down";
                System.out.printf("notify() latency, department %s (%s): first %d µs, median %d µs, max %d µs%n",
                        department, state, first, latencies.get(10), latencies.get(19));
                assertThat(latencies.get(19)).as("notify() µs while the department is " + state).isLessThan(200_000);
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

    private void run(String[] properties, Consumer<DepartmentNotifier> test) {
        new ApplicationContextRunner()
                .withInitializer(new ConfigDataApplicationContextInitializer())   // application.yml → departments.yml
                .withConfiguration(AutoConfigurations.of(RetryAutoConfiguration.class,
                        CircuitBreakerAutoConfiguration.class, BulkheadAutoConfiguration.class,
                        TimeLimiterAutoConfiguration.class))
                .withUserConfiguration(DepartmentNotifierConfiguration.class)
                .withBean(NotificationOutcomes.class, () -> outcomes)
                .withPropertyValues(SHORT_TIMINGS)
                .withPropertyValues(properties)
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    test.accept(context.getBean(DepartmentNotifier.class));
                    circuitStates(context);
                });
    }

    private static void circuitStates(ConfigurableApplicationContext context) {
        context.getBean(CircuitBreakerRegistry.class).getAllCircuitBreakers().stream()
                .filter(breaker -> breaker.getState() != CircuitBreaker.State.CLOSED)
                .forEach(breaker -> System.out.println("circuit " + breaker.getName() + ": " + breaker.getState()));
    }

    private static JsonNode readJson(String body) throws RuntimeException {
        try {
            return new ObjectMapper().readTree(body);
        } catch (Exception e) {
            throw new IllegalStateException(body, e);
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
