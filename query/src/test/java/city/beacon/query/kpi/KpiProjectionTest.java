package city.beacon.query.kpi;

import city.beacon.api.common.Department;
import city.beacon.api.incident.*;
import city.beacon.api.kpi.FindKpisQuery;
import city.beacon.api.kpi.KpiView;
import city.beacon.api.kpi.ResponseTimes;
import city.beacon.api.task.*;
import city.beacon.query.support.ReadModelDump;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class KpiProjectionTest {
    static final Instant DAY = Instant.parse("2026-11-28T00:00:00Z");
    static final Instant T0 = Instant.parse("2026-11-28T08:00:00Z");
    static final Instant NOW = Instant.parse("2026-11-28T09:00:00Z");
    static final IncidentId LEAK = new IncidentId("leak");
    static final IncidentId DRILL = new IncidentId("drill");
    static final IncidentId FIRE = new IncidentId("fire");
    static final String[] COLLECTIONS = {"kpi_days", "kpi_task_days", "kpi_incidents"};

    private MongoServer server;
    private MongoClient client;
    private MongoDatabase database;
    private KpiProjection projection;

    @BeforeEach
    void start() {
        server = new MongoServer(new MemoryBackend());
        client = MongoClients.create("mongodb://127.0.0.1:" + server.bind().getPort());
        database = client.getDatabase("test");
        projection = new KpiProjection(database, Clock.fixed(NOW, ZoneOffset.UTC));
    }

    @AfterEach
    void stop() {
        client.close();
        server.shutdownNow();
    }

    private record Step(Object event, long seq) { }

    private static IncidentReportedEvent reported(IncidentId id, IncidentType type, boolean drill) {
        return new IncidentReportedEvent(id, IncidentNumber.of(java.time.LocalDate.of(2026, 11, 28), 1), type,
                Severity.SEVERE, Urgency.IMMEDIATE, Certainty.OBSERVED, Location.at(31.23, 121.47, "Nanjing Road 100"),
                "probe", IncidentSource.operator("operator"), drill, T0);
    }

    private static TaskRequestedEvent requested(String task, IncidentId incident, Department department, Instant at) {
        return new TaskRequestedEvent(new TaskId(task), incident, department, "act", Priority.HIGH,
                at.plusSeconds(300), at);
    }

    private static TaskAcknowledgedEvent acknowledged(String task, IncidentId incident, Department department,
                                                      long afterSeconds) {
        return new TaskAcknowledgedEvent(new TaskId(task), incident, department, "liaison", T0.plusSeconds(afterSeconds));
    }

    /** A morning of a city: the tasks of a gas leak, a drill, a fire reclassified as hazmat, and one of yesterday. */
    private static List<Step> history() {
        var steps = new ArrayList<Step>();
        steps.add(new Step(reported(LEAK, IncidentType.GAS_LEAK, false), 0));
        steps.add(new Step(reported(DRILL, IncidentType.GAS_LEAK, true), 0));
        steps.add(new Step(reported(FIRE, IncidentType.FIRE, false), 0));
        for (var task : List.of("t1", "t2", "t3", "t4", "t8")) {
            steps.add(new Step(requested(task, LEAK, Department.FIRE, T0), 0));
        }
        steps.add(new Step(acknowledged("t1", LEAK, Department.FIRE, 60), 1));
        steps.add(new Step(new TaskProgressReportedEvent(new TaskId("t1"), LEAK, Department.FIRE, TaskStatus.EN_ROUTE,
                null, "fire", T0.plusSeconds(120)), 2));
        steps.add(new Step(new TaskProgressReportedEvent(new TaskId("t1"), LEAK, Department.FIRE, TaskStatus.ON_SCENE,
                null, "fire", T0.plusSeconds(600)), 3));
        steps.add(new Step(acknowledged("t2", LEAK, Department.FIRE, 180), 1));
        steps.add(new Step(acknowledged("t3", LEAK, Department.FIRE, 420), 1));          // after its deadline
        steps.add(new Step(new TaskEscalatedEvent(new TaskId("t4"), LEAK, Department.FIRE, 1, EscalationStep.RENOTIFY,
                T0.plusSeconds(600), T0.plusSeconds(300)), 1));                                   // never acknowledged
        steps.add(new Step(new TaskDeclinedEvent(new TaskId("t8"), LEAK, Department.FIRE, "fire", "no engine",
                T0.plusSeconds(100)), 1));                                                        // answered in time
        steps.add(new Step(requested("t5", DRILL, Department.FIRE, T0), 0));
        steps.add(new Step(acknowledged("t5", DRILL, Department.FIRE, 5), 1));
        steps.add(new Step(requested("t6", FIRE, Department.FIRE, T0), 0));
        steps.add(new Step(new IncidentReclassifiedEvent(FIRE, IncidentType.HAZMAT, Severity.EXTREME, Urgency.IMMEDIATE,
                Certainty.OBSERVED, Severity.SEVERE, "chlorine", T0.plusSeconds(30)), 1));
        steps.add(new Step(acknowledged("t6", FIRE, Department.FIRE, 30), 1));
        steps.add(new Step(requested("t7", LEAK, Department.POLICE, DAY.minusSeconds(60)), 0));
        steps.add(new Step(new TaskAcknowledgedEvent(new TaskId("t7"), LEAK, Department.POLICE, "police",
                DAY.plusSeconds(30)), 1));
        return steps;
    }

    private void apply(Step step) {
        long seq = step.seq();
        Object event = step.event();
        if (event instanceof IncidentReportedEvent e) {
            projection.on(e);
        } else if (event instanceof IncidentReclassifiedEvent e) {
            projection.on(e, seq);
        } else if (event instanceof TaskRequestedEvent e) {
            projection.on(e, seq);
        } else if (event instanceof TaskAcknowledgedEvent e) {
            projection.on(e, seq);
        } else if (event instanceof TaskProgressReportedEvent e) {
            projection.on(e, seq);
        } else if (event instanceof TaskDeclinedEvent e) {
            projection.on(e, seq);
        } else if (event instanceof TaskCancelledEvent e) {
            projection.on(e, seq);
        } else if (event instanceof TaskEscalatedEvent e) {
            projection.on(e, seq);
        } else {
            throw new IllegalArgumentException(step.toString());
        }
    }

    private List<KpiView> kpis(Instant from, Instant to) {
        return projection.handle(new FindKpisQuery(from, to));
    }

    private Map<String, List<String>> dump() {
        return ReadModelDump.of(database, COLLECTIONS);
    }

    @Test
    void medianP90MissRateAndEscalationsPerDepartmentAndTypeWithoutDrills() {
        history().forEach(this::apply);

        var rows = kpis(DAY, DAY.plusSeconds(86_400));
        assertThat(rows).extracting(KpiView::department, KpiView::incidentType).containsExactly(
                org.assertj.core.groups.Tuple.tuple("FIRE", IncidentType.GAS_LEAK),
                org.assertj.core.groups.Tuple.tuple("FIRE", IncidentType.HAZMAT));
        var leak = rows.get(0);
        assertThat(leak.tasks()).isEqualTo(5);
        // acknowledged after 60, 180 and 420 s: median 180, p90 = 180 + 0.8 × (420 − 180)
        assertThat(leak.acknowledge()).isEqualTo(new ResponseTimes(3, 180.0, 372.0));
        assertThat(leak.onScene()).isEqualTo(new ResponseTimes(1, 600.0, 600.0));
        assertThat(leak.deadlinesMissed()).isEqualTo(2);   // t3 late, t4 never; t8 declined in time
        assertThat(leak.deadlineMissRate()).isEqualTo(0.4);
        assertThat(leak.escalated()).isEqualTo(1);
        var hazmat = rows.get(1);
        assertThat(hazmat.acknowledge()).isEqualTo(new ResponseTimes(1, 30.0, 30.0));
        assertThat(hazmat.onScene()).isEqualTo(new ResponseTimes(0, null, null));
    }

    @Test
    void aPeriodCountsTheTasksRequestedInItAcrossDays() {
        history().forEach(this::apply);
        assertThat(kpis(DAY.minusSeconds(3600), DAY)).singleElement().satisfies(row -> {
            assertThat(row.department()).isEqualTo("POLICE");
            assertThat(row.acknowledge()).isEqualTo(new ResponseTimes(1, 90.0, 90.0));
        });
        assertThat(kpis(DAY.minusSeconds(3600), NOW)).hasSize(3);
        assertThat(kpis(T0.plusSeconds(1), NOW)).isEmpty();
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
        history().forEach(this::apply);
        assertThat(dump()).isEqualTo(once);
    }

    @Test
    void resetThenReplayRebuildsTheSameDocuments() {
        history().forEach(this::apply);
        var before = dump();
        var kpis = kpis(DAY.minusSeconds(3600), NOW);
        projection.reset();
        assertThat(kpis(DAY.minusSeconds(3600), NOW)).isEmpty();
        history().forEach(this::apply);
        assertThat(dump()).isEqualTo(before);
        assertThat(kpis(DAY.minusSeconds(3600), NOW)).isEqualTo(kpis);
    }

    @Test
    void aTaskIsFiledUnderTheUtcDayOfItsRequest() {
        history().forEach(this::apply);
        var days = database.getCollection("kpi_task_days").find().map(d -> d.getString("day")).into(new ArrayList<>());
        assertThat(days).contains("2026-11-27", "2026-11-28");
        assertThat(database.getCollection("kpi_days").find().map(d -> d.getString("_id")).into(new ArrayList<>()))
                .allMatch(id -> id.startsWith("2026-11-27#") || id.startsWith("2026-11-28#"));
    }

    @Test
    void aBusyDaysTasksAreSpreadOverBucketsSoNoDocumentHoldsTheDay() {
        projection.on(reported(LEAK, IncidentType.GAS_LEAK, false));
        for (int i = 0; i < 2_000; i++) {
            projection.on(requested("busy-" + i, LEAK, Department.FIRE, T0.plusSeconds(i)), 0);
        }

        var sizes = database.getCollection("kpi_days").find()
                .map(d -> d.getList("tasks", Object.class).size()).into(new ArrayList<>());
        assertThat(sizes).hasSize(KpiStore.BUCKETS);
        assertThat(sizes.stream().mapToInt(Integer::intValue).sum()).isEqualTo(2_000);
        assertThat(sizes).allMatch(size -> size < 2_000 / KpiStore.BUCKETS * 2);
        var day = projection.handle(new FindKpisQuery(DAY, DAY.plusSeconds(86_400)));
        assertThat(day).singleElement().satisfies(row -> assertThat(row.tasks()).isEqualTo(2_000));
    }

    @Test
    void aDayDocumentWrittenBeforeBucketsIsStillCountedAndUpdated() {
        projection.on(reported(LEAK, IncidentType.GAS_LEAK, false));
        projection.on(requested("old", LEAK, Department.FIRE, T0), 0);
        // Move the task into the shape of before: one document per day, its index naming only the day.
        var days = database.getCollection("kpi_days");
        var bucket = days.find().first();
        days.deleteMany(new org.bson.Document());
        days.insertOne(bucket.append("_id", "2026-11-28"));
        database.getCollection("kpi_task_days").replaceOne(new org.bson.Document("_id", "old"),
                new org.bson.Document("_id", "old").append("day", "2026-11-28"));

        projection.on(acknowledged("old", LEAK, Department.FIRE, 60), 1);

        var row = projection.handle(new FindKpisQuery(DAY, DAY.plusSeconds(86_400))).get(0);
        assertThat(row.tasks()).isEqualTo(1);
        assertThat(row.acknowledge().medianSeconds()).isEqualTo(60.0);
    }
}
