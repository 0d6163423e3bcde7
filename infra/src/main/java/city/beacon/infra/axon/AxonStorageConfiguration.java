package city.beacon.infra.axon;

import com.mongodb.client.MongoClient;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.extensions.mongo.DefaultMongoTemplate;
import org.axonframework.extensions.mongo.MongoTemplate;
import org.axonframework.extensions.mongo.eventhandling.saga.repository.MongoSagaStore;
import org.axonframework.extensions.mongo.eventsourcing.eventstore.MongoEventStorageEngine;
import org.axonframework.extensions.mongo.eventsourcing.tokenstore.MongoTokenStore;
import org.axonframework.modelling.saga.repository.SagaStore;
import org.axonframework.serialization.Serializer;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import city.beacon.infra.store.StoreProperties;

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
        return MongoTokenStore.builder()
                .mongoTemplate(axonMongoTemplate)
                .serializer(serializer)
                .build();
    }

    @Bean
    SagaStore<Object> sagaStore(MongoTemplate axonMongoTemplate, Serializer serializer) {
        return MongoSagaStore.builder()
                .mongoTemplate(axonMongoTemplate)
                .serializer(serializer)
                .build();
    }

    @Bean
    EventStorageEngine eventStorageEngine(MongoTemplate axonMongoTemplate, Serializer serializer,
                                          @Qualifier("eventSerializer") Serializer eventSerializer) {
        return MongoEventStorageEngine.builder()
                .mongoTemplate(axonMongoTemplate)
                .snapshotSerializer(serializer)
                .eventSerializer(eventSerializer)
                .build();
    }
}
