package city.beacon.query.incident;

import city.beacon.api.common.Actor;
import city.beacon.api.common.Department;
import city.beacon.api.common.Role;
import city.beacon.api.incident.*;
import city.beacon.api.task.*;
import city.beacon.query.board.BoardStore;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.messaging.MetaData;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/** Replaying history must reproduce the read models exactly, and an event delivered twice must change nothing. */
class IncidentProjectionReplayTest {
    static final Instant T0 = Instant.parse("2026-11-28T08:00:00Z");
    static final IncidentId INCIDENT = new IncidentId("incident-1");
    static final TaskId FIRE_TASK = new TaskId("task-fire");
    static final TaskId POLICE_TASK = new TaskId("task-police");

    /** Built once: a replay delivers the same messages, with the same identifiers, as the first time. */
    static final List<EventMessage<?>> HISTORY = history();

    private MongoServer server;
    private MongoClient client;
    private MongoDatabase database;
    private AnnotationEventHandlerAdapter projection;

    @BeforeEach
    void start() {
        server = new MongoServer(new MemoryBackend());
        client = MongoClients.create("mongodb://127.0.0.1:" + server.bind().getPort());
        database = client.getDatabase("test");
        projection = new AnnotationEventHandlerAdapter(new IncidentProjection(database, new BoardStore(database)));
    }

    @AfterEach
    void stop() {
        client.close();
        server.shutdownNow();
    }

    /** A gas leak's history, as the store would deliver it: incident and task events interleaved. */
    static List<EventMessage<?>> history() {
        var operator = new Actor("operator", Role.OPERATOR, null).toMetaData();
        var fire = new Actor("fire", Role.LIAISON, Department.FIRE).toMetaData();
        var saga = Actor.system("incident-response").toMetaData();
        var location = Location.at(31.2304, 121.4737, "Nanjing Road 100");
        List<EventMessage<?>> events = new ArrayList<>();
        events.add(incident(0, new IncidentReportedEvent(INCIDENT, IncidentNumber.of(T0.atZone(java.time.ZoneOffset.UTC)
                .toLocalDate(), 7), IncidentType.GAS_LEAK, Severity.SEVERE, Urgency.IMMEDIATE, Certainty.OBSERVED,
                location, "Pressure drop", IncidentSource.operator("operator"), false, T0), operator));
        events.add(incident(1, new IncidentConfirmedEvent(INCIDENT, T0.plusSeconds(30)), operator));
        events.add(task(FIRE_TASK, 0, new TaskRequestedEvent(FIRE_TASK, INCIDENT, Department.FIRE, "Stand by",
                Priority.CRITICAL, T0.plusSeconds(90), T0.plusSeconds(30)), saga));
        events.add(task(POLICE_TASK, 0, new TaskRequestedEvent(POLICE_TASK, INCIDENT, Department.POLICE, "Cordon",
                Priority.HIGH, T0.plusSeconds(210), T0.plusSeconds(30)), saga));
        events.add(task(FIRE_TASK, 1, new TaskAcknowledgedEvent(FIRE_TASK, INCIDENT, Department.FIRE, "fire",
                T0.plusSeconds(60)), fire));
        events.add(incident(2, new IncidentResponseStartedEvent(INCIDENT, T0.plusSeconds(61)), saga));
        events.add(task(POLICE_TASK, 1, new TaskEscalatedEvent(POLICE_TASK, INCIDENT, Department.POLICE, 1,
                EscalationStep.RENOTIFY, T0.plusSeconds(390), T0.plusSeconds(211)), saga));
        events.add(incident(3, new IncidentNoteAddedEvent(INCIDENT, "valve V-12 closed", T0.plusSeconds(300)), operator));
        events.add(task(FIRE_TASK, 2, new TaskProgressReportedEvent(FIRE_TASK, INCIDENT, Department.FIRE,
                TaskStatus.ON_SCENE, "engine 12 on scene", "fire", T0.plusSeconds(400)), fire));
        events.add(task(FIRE_TASK, 3, new TaskCompletedEvent(FIRE_TASK, INCIDENT, Department.FIRE, "no ignition",
                "fire", T0.plusSeconds(900)), fire));
        events.add(task(POLICE_TASK, 2, new TaskCancelledEvent(POLICE_TASK, INCIDENT, Department.POLICE,
                "incident contained", T0.plusSeconds(950)), saga));
        events.add(incident(4, new IncidentContainedEvent(INCIDENT, T0.plusSeconds(1000)), operator));
        return events;
    }

    private static EventMessage<?> incident(long seq, Object event, Map<String, ?> metaData) {
        return new GenericDomainEventMessage<>("Incident", INCIDENT.value(), seq, event, MetaData.from(metaData));
    }

    private static EventMessage<?> task(TaskId id, long seq, Object event, Map<String, ?> metaData) {
        return new GenericDomainEventMessage<>("Task", id.value(), seq, event, MetaData.from(metaData));
    }

    private void apply(List<EventMessage<?>> events) throws Exception {
        for (EventMessage<?> event : events) {
            projection.handle(event);
        }
    }

    private Map<String, List<Document>> snapshot() {
        Map<String, List<Document>> collections = new TreeMap<>();
        for (String name : List.of("incidents", "board")) {
            collections.put(name, database.getCollection(name).find().into(new ArrayList<>()));
        }
        return collections;
    }

    @Test
    void everyEventDeliveredTwiceGivesTheSameDocuments() throws Exception {
        apply(HISTORY);
        var once = snapshot();

        stop();
        start();
        for (EventMessage<?> event : HISTORY) {
            projection.handle(event);
            projection.handle(event);
        }
        assertThat(snapshot()).isEqualTo(once);
        var incident = once.get("incidents").get(0);
        assertThat(incident.getString("status")).isEqualTo("CONTAINED");
        assertThat(incident.getList("timeline", Document.class)).hasSize(HISTORY.size());
        assertThat(once.get("board")).hasSize(1);
    }

    @Test
    void aBatchRedeliveredAfterLaterEventsChangesNothing() throws Exception {
        var events = HISTORY;
        apply(events);
        var once = snapshot();
        apply(events.subList(3, 8));   // a retried batch in the middle of history
        assertThat(snapshot()).isEqualTo(once);
    }

    @Test
    void resetAndReplayReproducesTheReadModelsExactly() throws Exception {
        apply(HISTORY);
        var before = snapshot();
        projection.prepareReset();
        assertThat(snapshot().values()).allMatch(List::isEmpty);
        apply(HISTORY);
        assertThat(snapshot()).isEqualTo(before);
    }

    @Test
    void theTimelineNamesWhoDidWhatInOrder() throws Exception {
        apply(HISTORY);
        var lines = database.getCollection("incidents").find().first().getList("timeline", Document.class);
        assertThat(lines.get(0).getString("actorId")).isEqualTo("operator");
        assertThat(lines.get(0).getString("text")).startsWith("Reported GAS_LEAK (SEVERE) at Nanjing Road 100");
        assertThat(lines.get(4).getString("kind")).isEqualTo("TaskAcknowledged");
        assertThat(lines.get(4).getString("actorId")).isEqualTo("fire");
        assertThat(lines.get(6).getString("text"))
                .isEqualTo("POLICE missed the acknowledgment deadline; escalated to level 1 (RENOTIFY)");
        assertThat(Duration.between(Instant.parse(lines.get(0).getString("at")),
                Instant.parse(lines.get(11).getString("at")))).isEqualTo(Duration.ofSeconds(1000));
    }

    @Test
    void anEndedIncidentLeavesTheBoard() throws Exception {
        var events = new ArrayList<>(HISTORY);
        events.add(incident(5, new IncidentResolvedEvent(INCIDENT, "repaired", T0.plusSeconds(2000)),
                new Actor("operator", Role.OPERATOR, null).toMetaData()));
        events.add(incident(6, new IncidentClosedEvent(INCIDENT, T0.plusSeconds(2100)),
                new Actor("operator", Role.OPERATOR, null).toMetaData()));
        apply(events);
        assertThat(snapshot().get("board")).isEmpty();
        apply(events.subList(0, 2));   // a late duplicate of the report does not bring it back
        assertThat(snapshot().get("board")).isEmpty();
    }
}
