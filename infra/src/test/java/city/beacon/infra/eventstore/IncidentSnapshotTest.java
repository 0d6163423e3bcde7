package city.beacon.infra.eventstore;

import city.beacon.api.incident.AddIncidentNoteCommand;
import city.beacon.api.incident.Certainty;
import city.beacon.api.incident.IncidentConfirmedEvent;
import city.beacon.api.incident.IncidentContainedEvent;
import city.beacon.api.incident.IncidentId;
import city.beacon.api.incident.IncidentNoteAddedEvent;
import city.beacon.api.incident.IncidentNumber;
import city.beacon.api.incident.IncidentReportedEvent;
import city.beacon.api.incident.IncidentResponseStartedEvent;
import city.beacon.api.incident.IncidentSource;
import city.beacon.api.incident.IncidentType;
import city.beacon.api.incident.Location;
import city.beacon.api.incident.Severity;
import city.beacon.api.incident.Urgency;
import city.beacon.command.incident.Incident;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.AggregateSnapshotter;
import org.axonframework.eventsourcing.EventSourcingRepository;
import org.axonframework.eventsourcing.GenericAggregateFactory;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.messaging.annotation.ClasspathParameterResolverFactory;
import org.axonframework.messaging.annotation.MultiParameterResolverFactory;
import org.axonframework.messaging.annotation.ParameterResolverFactory;
import org.axonframework.messaging.annotation.SimpleResourceParameterResolverFactory;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import static com.mongodb.client.model.Filters.eq;
import static org.assertj.core.api.Assertions.assertThat;

/** A real Incident survives a snapshot round trip: its private state is written and read back field by field. */
class IncidentSnapshotTest {
    private static final Instant T0 = Instant.parse("2026-11-28T08:00:00Z");

    @TempDir
    Path directory;
    StoreFixture fixture;
    BeaconEventStorageEngine engine;
    EmbeddedEventStore eventStore;
    EventSourcingRepository<Incident> repository;
    AggregateSnapshotter snapshotter;
    ParameterResolverFactory parameters;
    final Serializer snapshots = AggregateSnapshotSerializer.create();
    final IncidentId id = IncidentId.random();

    @BeforeEach
    void start() {
        fixture = new StoreFixture(directory);
        engine = fixture.engine();
        eventStore = EmbeddedEventStore.builder().storageEngine(engine).build();
        parameters = MultiParameterResolverFactory.ordered(
                ClasspathParameterResolverFactory.forClass(Incident.class),
                new SimpleResourceParameterResolverFactory(List.of(Clock.systemUTC())));
        repository = EventSourcingRepository.builder(Incident.class).eventStore(eventStore)
                .parameterResolverFactory(parameters).build();
        snapshotter = AggregateSnapshotter.builder().eventStore(eventStore)
                .aggregateFactories(new GenericAggregateFactory<>(Incident.class))
                .parameterResolverFactory(parameters).build();
    }

    @AfterEach
    void stop() {
        eventStore.shutDown();
        fixture.close();
    }

    @Test
    void anIncidentLoadedFromItsSnapshotEqualsOneReplayedFromAllItsEvents() {
        long seq = 0;
        engine.appendEvents(List.of(
                incidentEvent(seq++, reported()),
                incidentEvent(seq++, new IncidentConfirmedEvent(id, T0.plusSeconds(60)))));
        for (int note = 0; note < 60; note++) {
            engine.appendEvents(List.of(incidentEvent(seq++, new IncidentNoteAddedEvent(id, "note " + note, T0))));
        }
        engine.appendEvents(List.of(incidentEvent(seq++, new IncidentResponseStartedEvent(id, T0.plusSeconds(90)))));
        String replayed = stateOf(load());

        snapshotter.scheduleSnapshot(Incident.class, id.toString());

        Document stored = fixture.database.getCollection(EventStoreCollections.SNAPSHOTS).find(eq("_id", id.toString()))
                .first();
        assertThat(stored.get("sequence", Number.class).longValue()).isEqualTo(seq - 1);
        assertThat(stored.getString("payload")).contains("\"status\":\"RESPONDING\"", "\"number\":");
        Incident fromSnapshot = (Incident) engine.readSnapshot(id.toString()).orElseThrow().getPayload();
        assertThat(stateOf(fromSnapshot)).isEqualTo(replayed);
        assertThat(stateOf(load())).isEqualTo(replayed);

        engine.appendEvents(List.of(incidentEvent(seq, new IncidentContainedEvent(id, T0.plusSeconds(120)))));
        assertThat(stateOf(load())).contains("\"status\":\"CONTAINED\"");
    }

    @Test
    void theIncidentTriggerSnapshotsEveryFiftyEventsSoALoadReadsAtMostFifty() {
        var triggered = EventSourcingRepository.builder(Incident.class).eventStore(eventStore)
                .parameterResolverFactory(parameters)
                .snapshotTriggerDefinition(new SnapshotConfiguration().incidentSnapshotTrigger(snapshotter))
                .build();
        engine.appendEvents(List.of(incidentEvent(0, reported())));

        for (int note = 0; note < 160; note++) {
            var unitOfWork = DefaultUnitOfWork.startAndGet(null);
            var command = GenericCommandMessage.asCommandMessage(new AddIncidentNoteCommand(id, "note " + note));
            unitOfWork.execute(() -> {
                try {
                    triggered.load(id.toString()).handle(command);
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
        }

        long snapshotAt = engine.readSnapshot(id.toString()).orElseThrow().getSequenceNumber();
        assertThat(snapshotAt).isGreaterThanOrEqualTo(100L);
        assertThat(engine.readEvents(id.toString(), snapshotAt + 1).asStream().count())
                .isLessThanOrEqualTo(SnapshotConfiguration.INCIDENT_SNAPSHOT_INTERVAL);
    }

    private IncidentReportedEvent reported() {
        return new IncidentReportedEvent(id, IncidentNumber.of(LocalDate.of(2026, 11, 28), 42),
                IncidentType.GAS_LEAK, Severity.SEVERE, Urgency.IMMEDIATE, Certainty.OBSERVED,
                Location.at(31.23, 121.47, "Nanjing Road 100"), "pressure drop on gas main",
                IncidentSource.operator("op-1"), false, T0);
    }

    private Incident load() {
        var unitOfWork = DefaultUnitOfWork.startAndGet(null);
        try {
            Incident incident = repository.load(id.toString()).invoke(root -> root);
            unitOfWork.rollback();
            return incident;
        } catch (RuntimeException e) {
            unitOfWork.rollback(e);
            throw e;
        }
    }

    private String stateOf(Incident incident) {
        SerializedObject<String> json = snapshots.serialize(incident, String.class);
        return json.getData();
    }

    private GenericDomainEventMessage<?> incidentEvent(long sequence, Object payload) {
        return new GenericDomainEventMessage<>("Incident", id.toString(), sequence, payload);
    }
}
