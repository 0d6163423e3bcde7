package city.beacon.infra.metrics;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;

/**
 * Per tracking processor: whether it runs, how many segments this node holds, its position (the slowest held
 * segment's) and its lag behind the store's head. Registered once the processors exist; every value is computed at
 * scrape time from {@link ProcessorStatus}.
 */
class ProcessorMetrics {
    private final MeterRegistry registry;
    private final EventProcessingConfiguration processing;
    private final StoreHead head;

    ProcessorMetrics(MeterRegistry registry, EventProcessingConfiguration processing, StoreHead head) {
        this.registry = registry;
        this.processing = processing;
        this.head = head;
    }

    @EventListener(ApplicationReadyEvent.class)
    void register() {
        processing.eventProcessors().forEach((name, processor) -> {
            if (processor instanceof StreamingEventProcessor streaming) {
                register(name, streaming);
            }
        });
    }

    private void register(String name, StreamingEventProcessor processor) {
        Gauge.builder("beacon.processor.running", processor, p -> p.isRunning() && !p.isError() ? 1 : 0)
                .description("1 while the processor runs without error, else 0")
                .tag("processor", name).register(registry);
        Gauge.builder("beacon.processor.segments.claimed", processor, p -> p.processingStatus().size())
                .description("Segments of the processor this node holds")
                .tag("processor", name).register(registry);
        Gauge.builder("beacon.processor.segments.errors", processor, p -> ProcessorStatus.of(p, -1).erroredSegments())
                .description("Held segments whose last batch failed (retrying)")
                .tag("processor", name).register(registry);
        Gauge.builder("beacon.processor.position", processor, p -> orNaN(ProcessorStatus.of(p, -1).position()))
                .description("Global position of the slowest segment this node holds")
                .tag("processor", name).register(registry);
        Gauge.builder("beacon.processor.lag", processor, p -> orNaN(ProcessorStatus.of(p, head.position()).lag()))
                .description("Events between the store's head and the slowest segment this node holds")
                .tag("processor", name).register(registry);
    }

    private static double orNaN(long value) {
        return value < 0 ? Double.NaN : value;
    }
}
