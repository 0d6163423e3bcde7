package city.beacon.infra.department;

import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code departments}: informational, always UP. A department's system being down is the department's problem, not
 * Beacon's: its notices wait in line and its liaisons use the console, so it must not make Beacon look unready or
 * unhealthy (it is not in the readiness group, and UP keeps the overall status honest). The details say, per
 * department with a system, its circuit, what waits, and the last success and failure.
 */
class DepartmentsHealth implements HealthIndicator {
    private final WebhookDepartmentNotifier notifier;

    DepartmentsHealth(WebhookDepartmentNotifier notifier) {
        this.notifier = notifier;
    }

    @Override
    public Health health() {
        var health = Health.up();
        for (var status : notifier.departments()) {
            if (!status.hasSystem() && status.pending() == 0) {
                continue;
            }
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("circuit", status.circuit());
            details.put("pending", status.pending());
            put(details, "oldestPendingSince", status.oldestPendingSince());
            put(details, "lastSuccessAt", status.lastSuccessAt());
            put(details, "lastFailureAt", status.lastFailureAt());
            put(details, "lastFailure", status.lastFailure());
            health.withDetail(status.department(), details);
        }
        return health.build();
    }

    private static void put(Map<String, Object> details, String name, Object value) {
        if (value != null) {
            details.put(name, value.toString());
        }
    }
}
