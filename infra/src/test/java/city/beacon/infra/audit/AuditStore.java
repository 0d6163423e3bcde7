package city.beacon.infra.audit;

import city.beacon.infra.eventstore.AggregateSnapshotSerializer;
import city.beacon.infra.eventstore.BeaconEventStorageEngine;
import city.beacon.infra.eventstore.QuietLogs;
import city.beacon.infra.store.EmbeddedStore;
import city.beacon.query.audit.AuditIndex;
import city.beacon.query.audit.AuditIndexProjection;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.serialization.json.JacksonSerializer;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

/**
 * The audit side over a real event store: embedded server on a temp file, the driver over TCP, Beacon's engine, and
 * the audit index and board checkpoints fed with the stream exactly as tracking processors receive it.
 */
public final class AuditStore implements AutoCloseable {
    public final EmbeddedStore store;
    public final MongoClient client;
    public final MongoDatabase database;
    public final BeaconEventStorageEngine engine;
    public final AuditIndexProjection indexProjection;
    public final BoardCheckpoints checkpoints;
    public final BoardCheckpointer checkpointer;
    public final TimeTravel timeTravel;
    public final AuditSearch search;
    public final IncidentHistory incidents;
    public final Seals seals;
    public final Sealer sealer;
    public final Verification verification;

    public AuditStore(Path directory, int checkpointInterval) {
        QuietLogs.apply();
        this.store = EmbeddedStore.start(directory.resolve("audit.mv"), "127.0.0.1", 0);
        this.client = MongoClients.create(store.connectionString());
        this.database = client.getDatabase("beacon");
        var serializer = JacksonSerializer.builder()
                .objectMapper(JsonMapper.builder().findAndAddModules().build())
                .build();
        this.engine = BeaconEventStorageEngine.builder()
                .database(database)
                .eventSerializer(serializer)
                .snapshotSerializer(AggregateSnapshotSerializer.create())
                .clock(Clock.fixed(Instant.parse("2030-01-01T00:00:00Z"), ZoneOffset.UTC))
                .build();
        engine.ensureIndexes();
        var history = engine.history();
        var index = new AuditIndex(database);
        this.indexProjection = new AuditIndexProjection(database);
        this.checkpoints = new BoardCheckpoints(database, history, new AuditProperties(checkpointInterval));
        this.checkpointer = new BoardCheckpointer(checkpoints);
        this.incidents = new IncidentHistory(index, history);
        this.timeTravel = new TimeTravel(index, incidents, checkpoints, history);
        this.search = new AuditSearch(index, incidents, history);
        var clock = Clock.fixed(Instant.parse("2030-02-01T00:00:00Z"), ZoneOffset.UTC);
        this.seals = new Seals(database, history, clock);
        this.sealer = new Sealer(seals);
        this.verification = new Verification(seals, clock);
    }

    public void append(EventMessage<?> event) {
        engine.appendEvents(List.of(event));
    }

    /** Hands every stored event, as a tracking processor receives it, to the audit index. */
    void index() {
        try (var stream = engine.readEvents(null, false)) {
            stream.forEach((TrackedEventMessage<?> message) -> indexProjection.on(message.getPayload(), message));
        }
    }

    @Override
    public void close() {
        client.close();
        store.close();
    }
}
