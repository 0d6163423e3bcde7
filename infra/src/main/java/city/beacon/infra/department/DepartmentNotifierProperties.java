package city.beacon.infra.department;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/**
 * {@code beacon.department-notifier.*}: the notifier's own resources and its retry schedule. Time limits and
 * circuit breakers are Resilience4j's standard properties (see departments.yml).
 *
 * @param threads          threads that start tries and record outcomes; they never wait on the network
 * @param capacity         notices one department's line holds; beyond it a notice is recorded as failed at once
 * @param connectTimeout   how long to wait for a department's system to accept a connection
 * @param firstRetryAfter  the wait after a notice's first failed try; it doubles with every further failure
 * @param maxRetryAfter    the longest wait between two tries of one notice
 * @param giveUpAfter      a notice still undelivered this long after it was issued is recorded as failed
 * @param resilienceConfig the Resilience4j config name ({@code resilience4j.*.configs.<name>}) that every
 *                         department's instances start from; {@code instances.<CODE>} refines one department
 */
@ConfigurationProperties(prefix = "beacon.department-notifier")
public record DepartmentNotifierProperties(Integer threads, Integer capacity, Duration connectTimeout,
                                           Duration firstRetryAfter, Duration maxRetryAfter, Duration giveUpAfter,
                                           String resilienceConfig) {
    public DepartmentNotifierProperties {
        threads = threads == null ? 4 : threads;
        capacity = capacity == null ? 10_000 : capacity;
        connectTimeout = connectTimeout == null ? Duration.ofSeconds(2) : connectTimeout;
        firstRetryAfter = firstRetryAfter == null ? Duration.ofSeconds(1) : firstRetryAfter;
        maxRetryAfter = maxRetryAfter == null ? Duration.ofSeconds(60) : maxRetryAfter;
        giveUpAfter = giveUpAfter == null ? Duration.ofHours(12) : giveUpAfter;
        resilienceConfig = resilienceConfig == null || resilienceConfig.isBlank() ? "department" : resilienceConfig;
    }

    RetrySchedule schedule() {
        return new RetrySchedule(firstRetryAfter, maxRetryAfter, giveUpAfter);
    }
}
