package city.beacon.infra.department;

import city.beacon.saga.notify.TaskNotice;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Counts settled department deliveries by department and outcome ({@code beacon.department.deliveries}: delivered,
 * refused, given_up, not_sent) on their way to being recorded; circuit states come from Resilience4j's own metrics
 * ({@code resilience4j.circuitbreaker.state}), notices still waiting from {@code beacon.department.pending}.
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
        count(notice, outcome(reason));
        recorded.failed(notice, recipient, attempts, reason);
    }

    /** Delivery no longer ends at an open circuit (the line waits it out), so failures are final ones only. */
    private static String outcome(String reason) {
        if (reason.startsWith("refused:")) {
            return "refused";
        }
        if (reason.startsWith("given up")) {
            return "given_up";
        }
        if (reason.startsWith("not sent:")) {
            return "not_sent";
        }
        return "failed";
    }

    private void count(TaskNotice notice, String outcome) {
        Counter.builder("beacon.department.deliveries")
                .description("Notices to departments' systems, by department and outcome")
                .tag("department", notice.department().code())
                .tag("outcome", outcome)
                .register(registry).increment();
    }
}
