package city.beacon.query.unit;

import city.beacon.api.common.Department;
import city.beacon.api.incident.IncidentId;
import city.beacon.api.task.TaskId;
import city.beacon.api.unit.*;
import city.beacon.query.support.ReadModelDump;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.axonframework.queryhandling.SimpleQueryUpdateEmitter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class UnitProjectionTest {
    static final Instant NOW = Instant.parse("2026-11-28T08:00:00Z");
    static final UnitId ENGINE = new UnitId("FIRE-E12");
    static final UnitId LADDER = new UnitId("FIRE-L3");
    static final UnitId PATROL = new UnitId("POLICE-P07");
    static final TaskId TASK = new TaskId("task-1");
    static final IncidentId INCIDENT = new IncidentId("incident-1");

    private MongoServer server;
    private MongoClient client;
    private MongoDatabase database;
    private UnitProjection projection;

    @BeforeEach
    void start() {
        server = new MongoServer(new MemoryBackend());
        client = MongoClients.create("mongodb://127.0.0.1:" + server.bind().getPort());
        database = client.getDatabase("test");
        projection = new UnitProjection(database, SimpleQueryUpdateEmitter.builder().build());
    }

    @AfterEach
    void stop() {
        client.close();
        server.shutdownNow();
    }

    /** A unit's history: each event with its sequence number. */
    private record Step(Object event, long seq) { }

    private static List<Step> history() {
        return List.of(
                new Step(new UnitRegisteredEvent(ENGINE, Department.FIRE, "FIRE_ENGINE", "Engine 12", NOW), 0),
                new Step(new UnitRegisteredEvent(LADDER, Department.FIRE, "LADDER_TRUCK", "Ladder 3", NOW), 0),
                new Step(new UnitRegisteredEvent(PATROL, Department.POLICE, "PATROL_CAR", "Patrol 7", NOW), 0),
                new Step(new UnitAssignedEvent(ENGINE, Department.FIRE, "Engine 12", TASK, INCIDENT, "fire",
                        NOW.plusSeconds(60)), 1),
                new Step(new UnitStatusReportedEvent(ENGINE, Department.FIRE, UnitStatus.EN_ROUTE, UnitStatus.ASSIGNED,
                        TASK, INCIDENT, "left the station", "fire", NOW.plusSeconds(90)), 2),
                new Step(new UnitStatusReportedEvent(ENGINE, Department.FIRE, UnitStatus.ON_SCENE, UnitStatus.EN_ROUTE,
                        TASK, INCIDENT, null, "fire", NOW.plusSeconds(400)), 3),
                new Step(new UnitStatusReportedEvent(LADDER, Department.FIRE, UnitStatus.OUT_OF_SERVICE,
                        UnitStatus.AVAILABLE, null, null, "hydraulics", "fire", NOW.plusSeconds(500)), 1),
                new Step(new UnitAssignedEvent(PATROL, Department.POLICE, "Patrol 7", TASK, INCIDENT, "police",
                        NOW.plusSeconds(70)), 1),
                new Step(new UnitReleasedEvent(PATROL, Department.POLICE, "Patrol 7", TASK, INCIDENT,
                        "beacon:unit-release", NOW.plusSeconds(900)), 2));
    }

    private void apply(Step step) {
        if (step.event() instanceof UnitRegisteredEvent e) {
            projection.on(e, step.seq());
        } else if (step.event() instanceof UnitAssignedEvent e) {
            projection.on(e, step.seq());
        } else if (step.event() instanceof UnitStatusReportedEvent e) {
            projection.on(e, step.seq());
        } else if (step.event() instanceof UnitReleasedEvent e) {
            projection.on(e, step.seq());
        } else {
            throw new IllegalArgumentException(step.toString());
        }
    }

    private UnitView unit(UnitId id) {
        return projection.handle(new FindUnitQuery(id)).orElseThrow();
    }

    private java.util.Map<String, List<String>> dump() {
        return ReadModelDump.of(database, "units");
    }

    @Test
    void unitsShowWhatTheyAreDoingAndForWhichTask() {
        history().forEach(this::apply);

        var engine = unit(ENGINE);
        assertThat(engine.status()).isEqualTo(UnitStatus.ON_SCENE);
        assertThat(engine.taskId()).isEqualTo("task-1");
        assertThat(engine.incidentId()).isEqualTo("incident-1");
        assertThat(engine.since()).isEqualTo(NOW.plusSeconds(400));
        assertThat(engine.version()).isEqualTo(3);
        assertThat(unit(LADDER).lastNote()).isEqualTo("hydraulics");
        var patrol = unit(PATROL);
        assertThat(patrol.status()).isEqualTo(UnitStatus.AVAILABLE);
        assertThat(patrol.taskId()).isNull();
        assertThat(patrol.lastBy()).isEqualTo("beacon:unit-release");

        assertThat(projection.handle(new FindUnitsQuery(Department.FIRE))).extracting(UnitView::id)
                .containsExactly("FIRE-E12", "FIRE-L3");
        assertThat(projection.handle(new FindUnitsQuery(null))).extracting(UnitView::id)
                .containsExactly("FIRE-E12", "FIRE-L3", "POLICE-P07");
        assertThat(projection.handle(new FindUnitsQuery(Department.WATER))).isEmpty();
    }

    @Test
    void everyEventAppliedTwiceGivesTheSameDocuments() {
        history().forEach(this::apply);
        var once = dump();
        projection.reset();

        history().forEach(step -> {
            apply(step);
            apply(step);
        });
        assertThat(dump()).isEqualTo(once);
        history().forEach(this::apply);   // a whole replay over an up-to-date model
        assertThat(dump()).isEqualTo(once);
    }

    @Test
    void resetThenReplayRebuildsTheSameDocuments() {
        history().forEach(this::apply);
        var before = dump();
        projection.reset();
        assertThat(projection.handle(new FindUnitsQuery(null))).isEmpty();
        history().forEach(this::apply);
        assertThat(dump()).isEqualTo(before);
    }

    @Test
    void eventsOfAUnitNeverRegisteredAreIgnored() {
        projection.on(new UnitAssignedEvent(ENGINE, Department.FIRE, "Engine 12", TASK, INCIDENT, "fire", NOW), 1);
        assertThat(projection.handle(new FindUnitQuery(ENGINE))).isEmpty();
    }
}
