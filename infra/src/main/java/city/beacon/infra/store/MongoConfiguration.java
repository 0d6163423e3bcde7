package city.beacon.infra.store;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import org.bson.UuidRepresentation;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.concurrent.TimeUnit;

/** One MongoClient for everything: the event store, tokens, sagas, deadlines and read models. */
@Configuration(proxyBeanMethods = false)
public class MongoConfiguration {

    @Bean(destroyMethod = "close")
    StoreEndpoint storeEndpoint(StoreProperties properties) {
        return StoreEndpoint.from(properties);
    }

    @Bean(destroyMethod = "close")
    MongoClient mongoClient(StoreEndpoint endpoint) {
        var settings = MongoClientSettings.builder()
                .applyConnectionString(new ConnectionString(endpoint.connectionString()))
                // JobRunr refuses to start without it; axon-mongo is indifferent (STACK-NOTES).
                .uuidRepresentation(UuidRepresentation.STANDARD)
                // Fail fast when the store is unreachable; the API answers 503 rather than hanging operators.
                .applyToClusterSettings(c -> c.serverSelectionTimeout(5, TimeUnit.SECONDS))
                // Everything derived from events (tokens, sagas, read models, JobRunr) is written w:1; event commits
                // and incident-number claims override it with w:majority, j:true (DurableCollections).
                .writeConcern(DurableCollections.DERIVED_WRITES)
                .build();
        return MongoClients.create(settings);
    }

    @Bean
    MongoDatabase beaconDatabase(MongoClient client, StoreProperties properties) {
        return client.getDatabase(properties.mongodb().database());
    }
}
