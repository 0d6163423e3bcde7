package city.beacon.infra.department;

import city.beacon.saga.notify.TaskNotice;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Counts department deliveries by department and outcome ({@code beacon.department.deliveries}) on their way to
 * being recorded; circuit states come from Resilience4j's own metrics ({@code resilience4j.circuitbreaker.state}).
 */
class MeteredNotificationOutcomes implements NotificationOutcomes {
    private final NotificationOutcomes recorded;
    private final MeterRegistry registry;

    MeteredNotificationOutcomes(NotificationOutcomes recorded, MeterRegistry registry) {
        this.recorded = recorded;
        this.registry = registry;
    }

    @Override
    public void delivered(TaskNotice notice, String recipient, int attempts) {
        count(notice, "delivered");
        recorded.delivered(notice, recipient, attempts);
    }

    @Override
    public void failed(TaskNotice notice, String recipient, int attempts, String reason) {
        count(notice, reason.startsWith("circuit breaker open") ? "circuit_open" : "failed");
        recorded.failed(notice, recipient, attempts, reason);
    }

    private void count(TaskNotice notice, String outcome) {
        Counter.builder("beacon.department.deliveries")
                .description("Notices to departments' systems, by department and outcome")
                .tag("department", notice.department().code())
                .tag("outcome", outcome)
                .register(registry).increment();
    }
}
