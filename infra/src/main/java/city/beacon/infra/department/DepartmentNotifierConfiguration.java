package city.beacon.infra.department;

import com.mongodb.client.MongoDatabase;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.timelimiter.TimeLimiterRegistry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.ContextRefreshedEvent;

import java.time.Clock;
import java.util.concurrent.LinkedBlockingQueue;
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
                                                 CircuitBreakerRegistry breakers, TimeLimiterRegistry timeLimiters,
                                                 NotificationOutcomes outcomes,
                                                 ObjectProvider<PendingNotices> pendingNotices,
                                                 ObjectProvider<MongoDatabase> beaconDatabase,
                                                 ObjectProvider<Clock> clock) {
        // Each department's line has at most one step queued at a time (a try to start or settle), so this queue is
        // bounded by the number of departments; the threads never wait on the network.
        var steps = new ThreadPoolExecutor(properties.threads(), properties.threads(), 1, TimeUnit.MINUTES,
                new LinkedBlockingQueue<>(), named("department-notifier-"));
        steps.allowCoreThreadTimeOut(true);
        // Time limits and waits between tries; cancelled time limits leave the queue at once.
        var timers = new ScheduledThreadPoolExecutor(2, named("department-notifier-timer-"));
        timers.setRemoveOnCancelPolicy(true);
        var guards = new DepartmentGuards(breakers, timeLimiters, properties.resilienceConfig(), timers);
        PendingNotices outbox = pendingNotices.getIfAvailable(() -> {
            var database = beaconDatabase.getIfAvailable();
            return database == null ? new MemoryPendingNotices() : new MongoPendingNotices(database);
        });
        var settings = new WebhookDepartmentNotifier.Settings(properties.schedule(), properties.capacity(),
                properties.connectTimeout());
        return new WebhookDepartmentNotifier(connections, new WebhookClient(properties.connectTimeout()), guards,
                outcomes, outbox, settings, steps, timers, clock.getIfAvailable(Clock::systemUTC));
    }

    /** Lines start sending once the application runs: outcomes are commands, which need Axon started. */
    @Bean
    ApplicationListener<ContextRefreshedEvent> departmentNoticesResume(WebhookDepartmentNotifier notifier) {
        return refreshed -> notifier.resume();
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
