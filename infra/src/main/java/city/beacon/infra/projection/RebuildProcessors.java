package city.beacon.infra.projection;

import city.beacon.query.support.FlushReadModelBatch;
import com.mongodb.client.MongoDatabase;
import org.axonframework.config.Configuration;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.SimpleEventHandlerInvoker;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.axonframework.eventhandling.TrackingEventProcessorConfiguration;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.StreamableMessageSource;

import java.util.Map;
import java.util.function.Function;

/**
 * Builds the processor that writes a read model's new generation: a second instance of the projection, made with a
 * database whose collections of that read model are the new generation's (the collections of other read models it
 * reads stay the live ones), under a processor name of its own ({@code incident-detail@g2}) with tokens of its own,
 * tracking from the first event. Same handlers, sequencing policy, segments, error handling and batch flushing as
 * the live processor; it publishes nothing (its projection instances are given an update emitter nobody listens to).
 */
final class RebuildProcessors {
    private static final int BATCH_SIZE = 100;
    private final Map<String, Function<MongoDatabase, Object>> projections;
    private final MongoDatabase database;
    private final LiveGenerations live;
    private final Configuration axon;
    private final EventProcessingConfiguration processing;
    private final EventStore eventStore;
    private final TokenStore tokenStore;

    /** @param projections for each rebuildable group, how to make its projection on a given database */
    RebuildProcessors(Map<String, Function<MongoDatabase, Object>> projections, MongoDatabase rawDatabase,
                      LiveGenerations live, Configuration axon, EventStore eventStore, TokenStore tokenStore) {
        this.projections = projections;
        this.database = rawDatabase;
        this.live = live;
        this.axon = axon;
        this.processing = axon.eventProcessingConfiguration();
        this.eventStore = eventStore;
        this.tokenStore = tokenStore;
    }

    boolean rebuildable(String group) {
        return projections.containsKey(group);
    }

    TrackingEventProcessor build(String group, int generation) {
        var target = GenerationalDatabase.of(database, collection ->
                group.equals(ReadModelCollections.owner(collection))
                        ? ReadModelCollections.physical(collection, generation)
                        : live.physical(collection));
        Object projection = projections.get(group).apply(target);
        var invoker = SimpleEventHandlerInvoker.builder()
                .eventHandlers(projection)
                .parameterResolverFactory(axon.parameterResolverFactory())
                .handlerDefinition(axon.handlerDefinition(projection.getClass()))
                .listenerInvocationErrorHandler(processing.listenerInvocationErrorHandler(group))
                .sequencingPolicy(processing.sequencingPolicy(group))
                .build();
        int segments = Math.max(1, tokenStore.fetchSegments(group).length);
        var configuration = TrackingEventProcessorConfiguration.forParallelProcessing(segments)
                .andInitialSegmentsCount(segments)
                .andBatchSize(BATCH_SIZE)
                .andInitialTrackingToken(StreamableMessageSource::createTailToken);
        var processor = TrackingEventProcessor.builder()
                .name(ReadModelCollections.processorName(group, generation))
                .eventHandlerInvoker(invoker)
                .messageSource(eventStore)
                .tokenStore(tokenStore)
                .transactionManager(processing.transactionManager(group))
                .errorHandler(processing.errorHandler(group))
                .trackingEventProcessorConfiguration(configuration)
                .build();
        processor.registerHandlerInterceptor(new FlushReadModelBatch());
        return processor;
    }
}
