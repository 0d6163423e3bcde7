package city.beacon.infra.eventstore;

import city.beacon.infra.store.EmbeddedStore;
import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.WriteConcern;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;

import java.nio.file.Path;
import java.time.Duration;

/** An embedded store on a temp file and random port, a real driver over TCP, and an engine on it. */
final class StoreFixture implements AutoCloseable {
    static final Serializer EVENTS = JacksonSerializer.defaultSerializer();

    final EmbeddedStore store;
    final MongoClient client;
    final MongoDatabase database;
    final TestClock clock = new TestClock();

    StoreFixture(Path directory) {
        QuietLogs.apply();
        this.store = EmbeddedStore.start(directory.resolve("events.mv"), "127.0.0.1", 0);
        this.client = MongoClients.create(MongoClientSettings.builder()
                .applyConnectionString(new ConnectionString(store.connectionString()))
                .writeConcern(WriteConcern.MAJORITY.withJournal(true))
                .build());
        this.database = client.getDatabase("beacon");
    }

    BeaconEventStorageEngine engine() {
        return engine(CommitHook.NONE, Duration.ofSeconds(60));
    }

    BeaconEventStorageEngine engine(CommitHook hook, Duration gapTimeout) {
        var engine = BeaconEventStorageEngine.builder()
                .database(database)
                .eventSerializer(EVENTS)
                .snapshotSerializer(AggregateSnapshotSerializer.create())
                .clock(clock)
                .gapTimeout(gapTimeout)
                .commitHook(hook)
                .build();
        engine.ensureIndexes();
        return engine;
    }

    @Override
    public void close() {
        client.close();
        store.close();
    }
}
