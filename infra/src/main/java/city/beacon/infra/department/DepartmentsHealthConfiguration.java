package city.beacon.infra.department;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The {@code departments} health contributor and the pending-notice gauges (kept apart so the notifier's own tests
 * need neither Actuator nor Micrometer).
 */
@Configuration(proxyBeanMethods = false)
public class DepartmentsHealthConfiguration {

    @Bean
    DepartmentsHealth departmentsHealthIndicator(WebhookDepartmentNotifier notifier,
                                                 ObjectProvider<MeterRegistry> meters,
                                                 DepartmentConnections connections) {
        meters.ifAvailable(registry -> connections.departments().forEach(department ->
                Gauge.builder("beacon.department.pending", notifier, n -> n.pendingOf(department))
                        .description("Notices waiting for a department's system, the one being tried included")
                        .tag("department", department.code())
                        .register(registry)));
        return new DepartmentsHealth(notifier);
    }
}
