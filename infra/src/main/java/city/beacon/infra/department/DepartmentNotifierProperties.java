package city.beacon.infra.department;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/**
 * {@code beacon.department-notifier.*}: the notifier's own resources. Time limits, retries, circuit breakers and
 * bulkheads are Resilience4j's standard properties (see departments.yml).
 *
 * @param threads          threads that start deliveries and record their outcomes; they never wait on the network
 * @param queueCapacity    notices waiting for one of those threads; beyond it a notice is recorded as failed at once
 * @param connectTimeout   how long to wait for a department's system to accept a connection
 * @param resilienceConfig the Resilience4j config name ({@code resilience4j.*.configs.<name>}) that every
 *                         department's instances start from; {@code instances.<CODE>} refines one department
 */
@ConfigurationProperties(prefix = "beacon.department-notifier")
public record DepartmentNotifierProperties(Integer threads, Integer queueCapacity, Duration connectTimeout,
                                           String resilienceConfig) {
    public DepartmentNotifierProperties {
        threads = threads == null ? 4 : threads;
        queueCapacity = queueCapacity == null ? 1000 : queueCapacity;
        connectTimeout = connectTimeout == null ? Duration.ofSeconds(2) : connectTimeout;
        resilienceConfig = resilienceConfig == null || resilienceConfig.isBlank() ? "department" : resilienceConfig;
    }
}
