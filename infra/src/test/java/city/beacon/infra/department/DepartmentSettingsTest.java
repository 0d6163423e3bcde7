package city.beacon.infra.department;

import city.beacon.api.common.Department;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.springboot3.bulkhead.autoconfigure.BulkheadAutoConfiguration;
import io.github.resilience4j.springboot3.circuitbreaker.autoconfigure.CircuitBreakerAutoConfiguration;
import io.github.resilience4j.springboot3.retry.autoconfigure.RetryAutoConfiguration;
import io.github.resilience4j.springboot3.timelimiter.autoconfigure.TimeLimiterAutoConfiguration;
import io.github.resilience4j.timelimiter.TimeLimiterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.ConfigDataApplicationContextInitializer;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import java.net.URI;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** What departments.yml and the beacon.departments map configure, read back from the beans that use them. */
class DepartmentSettingsTest {
    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withInitializer(new ConfigDataApplicationContextInitializer())   // application.yml → departments.yml
            .withConfiguration(AutoConfigurations.of(RetryAutoConfiguration.class,
                    CircuitBreakerAutoConfiguration.class, BulkheadAutoConfiguration.class,
                    TimeLimiterAutoConfiguration.class))
            .withUserConfiguration(DepartmentNotifierConfiguration.class)
            .withBean(NotificationOutcomes.class, RecordingOutcomes::new);

    @Test
    void shippedDefaultsGiveEveryDepartmentItsOwnGuardsAndNoWebhook() {
        runner.run(context -> {
            assertThat(context.getBean(DepartmentConnections.class)).isEmpty();
            var properties = context.getBean(DepartmentNotifierProperties.class);
            assertThat(properties.resilienceConfig()).isEqualTo("department");
            assertThat(properties.connectTimeout()).isEqualTo(Duration.ofSeconds(2));

            var timeLimit = context.getBean(TimeLimiterRegistry.class).timeLimiter("FIRE", "department");
            assertThat(timeLimit.getTimeLimiterConfig().getTimeoutDuration()).isEqualTo(Duration.ofSeconds(3));

            var schedule = properties.schedule();
            assertThat(schedule.after(1)).as("1 s, up to a fifth less").isBetween(Duration.ofMillis(800),
                    Duration.ofSeconds(1));
            assertThat(schedule.after(3)).as("4 s, up to a fifth less").isBetween(Duration.ofMillis(3200),
                    Duration.ofSeconds(4));
            assertThat(schedule.after(40)).as("capped at 60 s").isBetween(Duration.ofSeconds(48),
                    Duration.ofSeconds(60));
            assertThat(schedule.giveUpAfter()).isEqualTo(Duration.ofHours(12));
            assertThat(properties.capacity()).isEqualTo(10_000);

            var breaker = context.getBean(CircuitBreakerRegistry.class).circuitBreaker("FIRE", "department")
                    .getCircuitBreakerConfig();
            assertThat(breaker.getFailureRateThreshold()).isEqualTo(50f);
            assertThat(breaker.getSlidingWindowSize()).isEqualTo(10);
            assertThat(breaker.getWaitIntervalFunctionInOpenState().apply(1)).isEqualTo(30_000L);
            assertThat(breaker.getPermittedNumberOfCallsInHalfOpenState()).isEqualTo(2);

            // the departments' config leaves Resilience4j's own default to other users
            assertThat(context.getBean(CircuitBreakerRegistry.class).getDefaultConfig().getSlidingWindowSize())
                    .isEqualTo(100);
        });
    }

    @Test
    void oneDepartmentCanBeTunedThroughItsInstanceProperties() {
        runner.withPropertyValues("resilience4j.timelimiter.instances.FIRE.base-config=department",
                        "resilience4j.timelimiter.instances.FIRE.timeout-duration=10s")
                .run(context -> {
                    var limits = context.getBean(TimeLimiterRegistry.class);
                    assertThat(limits.timeLimiter("FIRE", "department").getTimeLimiterConfig().getTimeoutDuration())
                            .isEqualTo(Duration.ofSeconds(10));
                    assertThat(limits.timeLimiter("POLICE", "department").getTimeLimiterConfig().getTimeoutDuration())
                            .isEqualTo(Duration.ofSeconds(3));
                });
    }

    @Test
    void webhooksAreFoundByDepartmentCodeHoweverTheKeyIsWrittenAndOtherFieldsAreIgnored() {
        runner.withPropertyValues(
                        "beacon.departments.fire.webhook-url=http://fire.example/hook",
                        "beacon.departments.fire.api-key=bound-by-the-web-module",
                        "beacon.departments.gas-utility.webhook-url=https://gas.example/hook",
                        "beacon.departments.civil_affairs.webhook-url=https://civil.example/hook",
                        "beacon.departments.civil_affairs.supervisor-webhook-url=https://civil.example/duty",
                        "beacon.departments.[WATER].webhook-url=https://water.example/hook")
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    var connections = context.getBean(DepartmentConnections.class);
                    assertThat(connections.of(Department.FIRE).orElseThrow().webhookUrl())
                            .isEqualTo(URI.create("http://fire.example/hook"));
                    assertThat(connections.of(Department.GAS_UTILITY).orElseThrow().webhookUrl())
                            .isEqualTo(URI.create("https://gas.example/hook"));
                    assertThat(connections.of(Department.CIVIL_AFFAIRS).orElseThrow().supervisorWebhookUrl())
                            .isEqualTo(URI.create("https://civil.example/duty"));
                    assertThat(connections.of(Department.WATER)).isPresent();
                    assertThat(connections.of(Department.POLICE)).isEmpty();
                });
    }

    @Test
    void aWebhookThatIsNotAnHttpUrlStopsStartup() {
        runner.withPropertyValues("beacon.departments.fire.webhook-url=fire-dispatch.example/hook")
                .run(context -> assertThat(context).hasFailed().getFailure()
                        .rootCause().hasMessageContaining("webhook-url must be an absolute http(s) URL"));
    }

    @Test
    void aMissingResilienceConfigStopsStartup() {
        runner.withPropertyValues("beacon.department-notifier.resilience-config=departments")
                .run(context -> assertThat(context).hasFailed().getFailure()
                        .rootCause().hasMessageContaining("resilience4j.circuitbreaker.configs.departments is missing"));
    }

    @Test
    void theNotifiersThreadsStopWithTheContext() {
        var context = runner.withPropertyValues("beacon.departments.fire.webhook-url="
                + FakeDepartmentSystem.nothingListening());
        var notifier = new WebhookDepartmentNotifier[1];
        context.run(started -> {
            notifier[0] = started.getBean(WebhookDepartmentNotifier.class);
            notifier[0].notify(Notices.newTask(Department.FIRE));   // starts a delivery thread
        });
        await().atMost(Duration.ofSeconds(5)).until(() -> Thread.getAllStackTraces().keySet().stream()
                .noneMatch(thread -> thread.getName().startsWith("department-notifier-")));
        notifier[0].notify(Notices.newTask(Department.FIRE));   // after close: neither throws nor starts anything
    }
}
