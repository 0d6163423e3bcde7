package city.beacon.infra.axon;

import city.beacon.infra.audit.Sealer;
import city.beacon.query.audit.AuditIndexProjection;
import city.beacon.query.incident.IncidentProjection;
import city.beacon.query.kpi.KpiProjection;
import city.beacon.query.support.FlushReadModelBatch;
import city.beacon.query.task.TaskProjection;
import city.beacon.query.unit.UnitProjection;
import city.beacon.infra.store.StoreConnectivity;
import city.beacon.infra.store.StoreWrites;
import city.beacon.web.live.LiveFeedRelay;
import city.beacon.web.problem.StoreFailures;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.TrackingEventProcessorConfiguration;
import org.axonframework.eventhandling.tokenstore.inmemory.InMemoryTokenStore;
import org.axonframework.messaging.StreamableMessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.List;

/** Event processor settings that need beans; the rest is in application.yml under axon.eventhandling. */
@Configuration(proxyBeanMethods = false)
public class ProcessingConfiguration {

    @Bean
    IncidentSequencingPolicy incidentSequencingPolicy() {
        return new IncidentSequencingPolicy();
    }

    @Bean
    DepartmentSequencingPolicy departmentSequencingPolicy() {
        return new DepartmentSequencingPolicy();
    }

    /** Event handlers that failed because the store was away are retried, not skipped (RetryOnStoreFailure). */
    @Bean
    ConfigurerModule retryOnStoreFailure(StoreFailures storeFailures) {
        return configurer -> configurer.eventProcessing(processing -> processing
                .registerDefaultListenerInvocationErrorHandler(c -> new RetryOnStoreFailure(storeFailures)));
    }

    @Bean(destroyMethod = "close")
    ProcessorRecovery processorRecovery(EventProcessingConfiguration processing, StoreConnectivity connectivity,
                                        StoreWrites writes) {
        return new ProcessorRecovery(processing, connectivity, writes);
    }

    /**
     * The projections that write through a {@link city.beacon.query.support.ReadModelBatch}: their documents go out as
     * one bulk write per collection when a batch's last event has been handled, before the processor stores the
     * batch's token (docs/live-feed.md, "Batches").
     */
    @Bean
    ConfigurerModule readModelBatches() {
        var flush = new FlushReadModelBatch();
        return configurer -> configurer.eventProcessing(processing -> {
            for (String group : List.of(IncidentProjection.GROUP, TaskProjection.GROUP, UnitProjection.GROUP,
                    KpiProjection.GROUP, AuditIndexProjection.GROUP, Sealer.GROUP)) {
                processing.registerHandlerInterceptor(group, c -> flush);
            }
        });
    }

    /**
     * Every node's live relay reads the whole shared stream from "now" on, with a token of its own kept in memory:
     * it must see every event, whichever node's command caused it, and must not split the stream with other nodes
     * the way projections do. After a restart its consoles resubscribe and get fresh snapshots.
     */
    @Bean
    ConfigurerModule liveFeedProcessing() {
        return configurer -> configurer.eventProcessing(processing -> processing
                .registerTokenStore(LiveFeedRelay.GROUP, c -> new InMemoryTokenStore())
                .registerTrackingEventProcessorConfiguration(LiveFeedRelay.GROUP, c ->
                        TrackingEventProcessorConfiguration.forSingleThreadedProcessing()
                                .andInitialTrackingToken(StreamableMessageSource::createHeadToken)));
    }
}
