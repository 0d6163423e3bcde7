package city.beacon.infra.bench;

import city.beacon.infra.eventstore.BeaconEventStorageEngine;
import city.beacon.infra.store.EmbeddedStore;
import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.WriteConcern;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.extensions.mongo.DefaultMongoTemplate;
import org.axonframework.extensions.mongo.eventsourcing.eventstore.MongoEventStorageEngine;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;

import java.nio.file.Path;

/** One engine on a fresh embedded store (H2 file, group commit), reached over TCP like the application does. */
final class BenchTarget implements AutoCloseable {
    enum Kind { BEACON, AXON_MONGO }

    private static final Serializer JSON = JacksonSerializer.defaultSerializer();

    final Kind kind;
    final EmbeddedStore store;
    final MongoClient client;
    final MongoDatabase database;
    final EventStorageEngine engine;
    final EmbeddedEventStore eventStore;

    BenchTarget(Kind kind, Path directory) {
        this.kind = kind;
        this.store = EmbeddedStore.start(directory.resolve(kind.name().toLowerCase() + ".mv"), "127.0.0.1", 0);
        this.client = MongoClients.create(MongoClientSettings.builder()
                .applyConnectionString(new ConnectionString(store.connectionString()))
                .writeConcern(WriteConcern.MAJORITY.withJournal(true))
                .build());
        this.database = client.getDatabase("bench");
        this.engine = kind == Kind.BEACON ? beacon() : axonMongo();
        this.eventStore = EmbeddedEventStore.builder().storageEngine(engine).build();
    }

    private EventStorageEngine beacon() {
        var beacon = BeaconEventStorageEngine.builder().database(database)
                .eventSerializer(JSON).snapshotSerializer(JSON).build();
        beacon.ensureIndexes();
        return beacon;
    }

    private EventStorageEngine axonMongo() {
        var template = DefaultMongoTemplate.builder().mongoDatabase(client, "bench").build();
        var axon = MongoEventStorageEngine.builder().mongoTemplate(template)
                .eventSerializer(JSON).snapshotSerializer(JSON).build();
        axon.ensureIndexes();
        return axon;
    }

    @Override
    public void close() {
        eventStore.shutDown();
        client.close();
        store.close();
    }
}
