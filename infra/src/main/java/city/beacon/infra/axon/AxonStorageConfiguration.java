package city.beacon.infra.axon;

import com.mongodb.client.MongoClient;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.extensions.mongo.DefaultMongoTemplate;
import org.axonframework.extensions.mongo.MongoTemplate;
import org.axonframework.extensions.mongo.eventsourcing.tokenstore.MongoTokenStore;
import org.axonframework.serialization.Serializer;

import java.lang.management.ManagementFactory;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import city.beacon.infra.eventstore.AggregateSnapshotSerializer;
import city.beacon.infra.eventstore.BeaconEventStorageEngine;
import city.beacon.infra.eventstore.EventStoreProperties;
import city.beacon.infra.saga.VersionedSagaStore;
import city.beacon.infra.store.StoreProperties;
import com.mongodb.client.MongoDatabase;

import java.time.Clock;

/** Where Axon keeps events, tracking tokens and sagas: all in Beacon's MongoDB database. */
@Configuration(proxyBeanMethods = false)
public class AxonStorageConfiguration {

    @Bean
    MongoTemplate axonMongoTemplate(MongoClient client, StoreProperties properties) {
        return DefaultMongoTemplate.builder()
                .mongoDatabase(client, properties.mongodb().database())
                .build();
    }

    @Bean
    TokenStore tokenStore(MongoTemplate axonMongoTemplate, Serializer serializer) {
        var tokenStore = MongoTokenStore.builder()
                .mongoTemplate(axonMongoTemplate)
                .serializer(serializer)
                .nodeId(nodeIdentity())
                .build();
        tokenStore.ensureIndexes();   // unique (processorName, segment): claims are keyed lookups
        return new TokenStoredLast(tokenStore);   // a batch's token after its effects, never before
    }

    /**
     * Who holds a segment's claim. Axon's default, the JVM's "pid@host", is the same for two Beacon nodes in one JVM
     * (as in the multi-node tests): both would then believe they own every claim and process the same segments at
     * once, racing on the same read-model documents. A random suffix makes every node its own owner.
     */
    static String nodeIdentity() {
        return ManagementFactory.getRuntimeMXBean().getName() + "/" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** axon-mongo's saga store with a version check on every save (VersionedSagaStore): two nodes share the sagas. */
    @Bean
    VersionedSagaStore sagaStore(MongoTemplate axonMongoTemplate, Serializer serializer) {
        var sagas = new VersionedSagaStore(axonMongoTemplate, serializer);
        sagas.ensureIndexes();
        return sagas;
    }

    /** Beacon's own engine (DESIGN §4); axon-mongo's engine skips events that become visible late. */
    @Bean
    EventStorageEngine eventStorageEngine(MongoDatabase beaconDatabase,
                                          @Qualifier("eventSerializer") Serializer eventSerializer,
                                          EventStoreProperties properties, Clock clock) {
        var engine = BeaconEventStorageEngine.builder()
                .database(beaconDatabase)
                .eventSerializer(eventSerializer)
                .snapshotSerializer(AggregateSnapshotSerializer.create())
                .clock(clock)
                .gapTimeout(properties.gapTimeout())
                .batchSize(properties.batchSize())
                .build();
        engine.ensureIndexes();
        return engine;
    }
}
