package city.beacon.infra.axon;

import org.axonframework.deadline.DeadlineManager;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.interceptors.CorrelationDataInterceptor;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * A deadline runs in a unit of work of its own, which Axon's configuration does not give the correlation providers
 * that command handlers and event processors have. Without them a command sent when a deadline fires (an escalation)
 * carries none of the deadline's origin, and an auditor's causal chain stops at the escalation. With them the
 * deadline's metadata (stored with it when the saga scheduled it in response to an event) names that event as the
 * trigger of what the deadline leads to.
 */
@Component
class DeadlineCorrelation {
    DeadlineCorrelation(DeadlineManager deadlines, List<CorrelationDataProvider> providers) {
        deadlines.registerHandlerInterceptor(new CorrelationDataInterceptor<>(providers));
    }
}
