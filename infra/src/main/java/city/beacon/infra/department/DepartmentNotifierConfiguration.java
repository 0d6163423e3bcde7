package city.beacon.infra.department;

import io.github.resilience4j.bulkhead.BulkheadRegistry;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.retry.RetryRegistry;
import io.github.resilience4j.timelimiter.TimeLimiterRegistry;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/** The DepartmentNotifier the sagas use: webhooks behind Resilience4j, on threads of its own. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({DepartmentConnections.class, DepartmentNotifierProperties.class})
public class DepartmentNotifierConfiguration {

    @Bean(destroyMethod = "close")
    WebhookDepartmentNotifier departmentNotifier(DepartmentConnections connections,
                                                 DepartmentNotifierProperties properties,
                                                 RetryRegistry retries, CircuitBreakerRegistry breakers,
                                                 BulkheadRegistry bulkheads, TimeLimiterRegistry timeLimiters,
                                                 NotificationOutcomes outcomes) {
        // Bounded threads and queue, failing fast when full (the notice is then recorded as failed): a flood of
        // notices must not grow memory without limit. The threads only start tries and record outcomes.
        var deliveries = new ThreadPoolExecutor(properties.threads(), properties.threads(), 1, TimeUnit.MINUTES,
                new ArrayBlockingQueue<>(properties.queueCapacity()), named("department-notifier-"),
                new ThreadPoolExecutor.AbortPolicy());
        deliveries.allowCoreThreadTimeOut(true);
        // Time limits and waits between tries; cancelled time limits leave the queue at once.
        var timers = new ScheduledThreadPoolExecutor(2, named("department-notifier-timer-"));
        timers.setRemoveOnCancelPolicy(true);
        var guards = new DepartmentGuards(retries, breakers, bulkheads, timeLimiters, properties.resilienceConfig(),
                timers);
        return new WebhookDepartmentNotifier(connections, new WebhookClient(properties.connectTimeout()), guards,
                outcomes, deliveries, timers, properties.connectTimeout());
    }

    private static ThreadFactory named(String prefix) {
        var counter = new AtomicInteger();
        return runnable -> {
            var thread = new Thread(runnable, prefix + counter.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
