package city.beacon.infra.store;

import city.beacon.infra.projection.LiveGenerations;
import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import org.bson.UuidRepresentation;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/** One MongoClient for everything: the event store, tokens, sagas, deadlines and read models. */
@Configuration(proxyBeanMethods = false)
public class MongoConfiguration {
    private static final TimeUnit MS = TimeUnit.MILLISECONDS;

    @Bean(destroyMethod = "close")
    StoreEndpoint storeEndpoint(StoreProperties properties) {
        return StoreEndpoint.from(properties);
    }

    @Bean
    StoreConnectivity storeConnectivity(Clock clock) {
        return new StoreConnectivity(clock);
    }

    @Bean
    StoreWrites storeWrites(Clock clock) {
        return new StoreWrites(clock);
    }

    @Bean(destroyMethod = "close")
    StoreWriteProbe storeWriteProbe(StoreWrites writes, MongoDatabase beaconDatabase, Clock clock) {
        return new StoreWriteProbe(writes, beaconDatabase, clock, Duration.ofSeconds(1));
    }

    @Bean(destroyMethod = "close")
    MongoClient mongoClient(StoreEndpoint endpoint, StoreConnectionProperties limits, StoreConnectivity connectivity,
                            StoreWrites writes) {
        var settings = MongoClientSettings.builder()
                .applyConnectionString(new ConnectionString(endpoint.connectionString()))
                // JobRunr refuses to start without it; axon-mongo is indifferent (STACK-NOTES).
                .uuidRepresentation(UuidRepresentation.STANDARD)
                // Fail fast when the store is unreachable; the API answers 503 rather than hanging operators.
                .applyToClusterSettings(c -> c.serverSelectionTimeout(millis(limits.serverSelectionTimeout()), MS))
                // A read caught by the store's death would be retried after waiting for a server (up to the
                // selection timeout): an operator would wait seconds for the 503. Tracking processors retry anyway.
                .retryReads(false)
                .applyToSocketSettings(s -> s.connectTimeout(millis(limits.connectTimeout()), MS)
                        .readTimeout(millis(limits.socketTimeout()), MS))
                .applyToServerSettings(s -> s.heartbeatFrequency(millis(limits.heartbeatFrequency()), MS)
                        .addServerListener(connectivity))
                // A store that answers but refuses writes (disk full) is seen in the answers, not by the monitor.
                .addCommandListener(writes)
                // Everything derived from events (tokens, sagas, read models, JobRunr) is written w:1; event commits
                // and incident-number claims override it with w:majority, j:true (DurableCollections).
                .writeConcern(DurableCollections.DERIVED_WRITES)
                .build();
        MongoClient client = MongoClients.create(settings);
        awaitStore(connectivity, limits.startupWait());
        return client;
    }

    /**
     * The selection timeout is short so that a command caught by the store's death fails fast; at start-up the
     * store gets longer to answer (a busy machine, a store process started at the same moment).
     */
    private static void awaitStore(StoreConnectivity connectivity, Duration limit) {
        try {
            if (!connectivity.awaitFirstContact(limit)) {
                throw new IllegalStateException("the store did not answer within " + limit + ": "
                        + connectivity.state().reason());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the store", e);
        }
    }

    private static int millis(Duration duration) {
        return Math.toIntExact(duration.toMillis());
    }

    /**
     * Beacon's database as everything but a rebuild uses it: a read model's collections are those of its live
     * generation (docs/operations.md, "Rebuilding a read model"); every other collection is the driver's own.
     */
    @Bean
    MongoDatabase beaconDatabase(MongoClient client, StoreProperties properties, LiveGenerations generations) {
        return generations.readingLive(client.getDatabase(properties.mongodb().database()));
    }
}
