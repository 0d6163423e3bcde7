package city.beacon.infra.health;

import city.beacon.infra.metrics.ProcessorStatus;
import city.beacon.infra.metrics.StoreHead;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code processors}: DOWN when a tracking processor is stopped or failing, or is further behind the store's head
 * than {@code beacon.readiness.max-processor-lag} events: a node whose read models are that stale should not get
 * operators' traffic.
 */
class ProcessorsHealth implements HealthIndicator {
    private final EventProcessingConfiguration processing;
    private final StoreHead head;
    private final long maxLag;

    ProcessorsHealth(EventProcessingConfiguration processing, StoreHead head, long maxLag) {
        this.processing = processing;
        this.head = head;
        this.maxLag = maxLag;
    }

    @Override
    public Health health() {
        long headPosition = head.position();
        Map<String, Object> details = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        processing.eventProcessors().forEach((name, processor) -> {
            if (!(processor instanceof StreamingEventProcessor streaming)) {
                return;
            }
            ProcessorStatus status = ProcessorStatus.of(streaming, headPosition);
            details.put(name, status);
            if (!status.running()) {
                problems.add(name + " is not running");
            } else if (status.erroredSegments() > 0) {
                problems.add(name + " fails on " + status.erroredSegments() + " segment(s)");
            } else if (status.lag() > maxLag) {
                problems.add(name + " is " + status.lag() + " events behind (limit " + maxLag + ")");
            }
        });
        var health = problems.isEmpty() ? Health.up() : Health.down().withDetail("reason", String.join("; ", problems));
        return health.withDetail("head", headPosition).withDetails(details).build();
    }
}
