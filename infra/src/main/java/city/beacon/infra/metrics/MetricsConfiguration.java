package city.beacon.infra.metrics;

import city.beacon.infra.saga.VersionedSagaStore;
import city.beacon.infra.store.StoreConnectivity;
import city.beacon.infra.store.StoreWrites;
import city.beacon.web.problem.StoreFailures;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventBus;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;
import java.time.Duration;

/** The operations metrics of docs/operations.md, published at /actuator/prometheus. */
@Configuration(proxyBeanMethods = false)
public class MetricsConfiguration {

    @Autowired
    void instrumentMessaging(CommandBus commandBus, EventBus eventBus, MeterRegistry registry,
                             StoreFailures storeFailures) {
        commandBus.registerHandlerInterceptor(new CommandMetrics(registry, storeFailures));
        eventBus.registerDispatchInterceptor(new EventsAppendedMetrics(registry));
    }

    /** 1 while the driver sees a writable store, 0 while it does not: the "store down" alert. */
    @Autowired
    void storeReachability(MeterRegistry registry, StoreConnectivity connectivity) {
        Gauge.builder("beacon.store.reachable", connectivity, c -> c.state().reachable() ? 1 : 0)
                .description("1 while the store answers, else 0").register(registry);
    }

    /** 1 while the store takes this node's writes, 0 while it refuses them (disk full): "store refuses writes". */
    @Autowired
    void storeWrites(MeterRegistry registry, StoreWrites writes) {
        Gauge.builder("beacon.store.accepting.writes", writes, w -> w.state().accepting() ? 1 : 0)
                .description("1 while the store accepts writes, else 0").register(registry);
    }

    /**
     * Saga saves refused because another node saved the saga after this one loaded it; each is handled again on
     * fresh state, so a rising count means contention between nodes, not lost work.
     */
    @Autowired
    void staleSagaSaves(MeterRegistry registry, VersionedSagaStore sagas) {
        FunctionCounter.builder("beacon.sagas.stale.saves", sagas, VersionedSagaStore::refusedSaves)
                .description("Saga saves refused by the version check and handled again").register(registry);
    }

    @Bean
    StoreHead storeHead(EventStorageEngine engine, StoreConnectivity connectivity, Clock clock) {
        return new StoreHead(engine, connectivity, clock, Duration.ofSeconds(1));
    }

    @Bean
    ProcessorMetrics trackingProcessorMetrics(MeterRegistry registry, EventProcessingConfiguration processing,
                                      StoreHead head) {
        return new ProcessorMetrics(registry, processing, head);
    }

    @Bean
    LiveFeedMetrics liveFeedMetrics(MeterRegistry registry) {
        return new LiveFeedMetrics(registry);
    }

    @Bean
    LoginFailureMetrics loginFailureMetrics(MeterRegistry registry) {
        return new LoginFailureMetrics(registry);
    }
}
