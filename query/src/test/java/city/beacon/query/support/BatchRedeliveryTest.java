package city.beacon.query.support;

import city.beacon.api.common.Actor;
import city.beacon.api.common.Department;
import city.beacon.api.common.Role;
import city.beacon.api.incident.*;
import city.beacon.api.task.*;
import city.beacon.query.board.BoardStore;
import city.beacon.query.incident.IncidentProjection;
import city.beacon.query.kpi.KpiProjection;
import city.beacon.query.task.TaskProjection;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.messaging.MetaData;
import org.axonframework.queryhandling.SimpleQueryUpdateEmitter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A kill -9 in the middle of a projection's batch leaves some of the batch's documents written and its token not
 * stored; the processor then redelivers the batch. Whatever prefix of the writes survived, the read models after the
 * redelivery must equal one clean pass over the same deliveries: no task, acknowledgment or timeline line counted
 * twice, none lost — including an event that filled a gap in the stream (committed late, delivered after later
 * positions).
 */
class BatchRedeliveryTest {
    static final Instant T0 = Instant.parse("2026-11-28T08:00:00Z");
    static final int BATCH = 4;
    /** Position 5 commits late: the processor first sees 1-4, 6-9, then 5, then the rest. */
    static final List<Integer> FIRST_PASS = List.of(1, 2, 3, 4, 6, 7, 8, 9, 5, 10, 11, 12, 13, 14, 15, 16);
    static final TrackedHistory HISTORY = new TrackedHistory(history());

    private final List<MongoServer> servers = new ArrayList<>();
    private final List<MongoClient> clients = new ArrayList<>();

    @AfterEach
    void stop() {
        clients.forEach(MongoClient::close);
        servers.forEach(MongoServer::shutdownNow);
    }

    @Test
    void incidentDetailAndBoard() {
        everyCrashPointGivesTheCleanPassDocuments(db -> new IncidentProjection(db, new BoardStore(db)),
                "incidents", "board");
    }

    @Test
    void taskQueues() {
        everyCrashPointGivesTheCleanPassDocuments(db -> new TaskProjection(db, SimpleQueryUpdateEmitter.builder().build(),
                Clock.fixed(T0, ZoneOffset.UTC)), "tasks", "task_queues");
    }

    @Test
    void kpis() {
        everyCrashPointGivesTheCleanPassDocuments(db -> new KpiProjection(db, Clock.fixed(T0, ZoneOffset.UTC)),
                "kpi_days", "kpi_task_days", "kpi_incidents");
    }

    private void everyCrashPointGivesTheCleanPassDocuments(Function<MongoDatabase, Object> projection,
                                                           String... collections) {
        var firstPass = HISTORY.delivered(FIRST_PASS, null);
        int crashes = 0;
        for (int crashBatch = 0; crashBatch * BATCH < firstPass.size(); crashBatch++) {
            var before = firstPass.subList(0, crashBatch * BATCH);
            var batch = firstPass.subList(crashBatch * BATCH, Math.min(firstPass.size(), (crashBatch + 1) * BATCH));
            int writes = new BatchProcessor(projection.apply(database()), BATCH).writesOf(batch);
            for (int written = 0; written < writes; written++) {
                var crashed = database();
                var processor = new BatchProcessor(projection.apply(crashed), BATCH);
                processor.process(before);
                processor.crashIn(batch, written);
                var redelivered = HISTORY.delivered(HISTORY.notCoveredBy(processor.storedToken()),
                        processor.storedToken());
                new BatchProcessor(projection.apply(crashed), BATCH).process(redelivered);

                var clean = database();
                var cleanPass = new ArrayList<TrackedEventMessage<?>>(before);
                cleanPass.addAll(redelivered);
                new BatchProcessor(projection.apply(clean), BATCH).process(cleanPass);

                assertThat(ReadModelDump.of(crashed, collections))
                        .as("crash in batch %d after %d of %d writes", crashBatch, written, writes)
                        .isEqualTo(ReadModelDump.of(clean, collections));
                crashes++;
            }
        }
        assertThat(crashes).isGreaterThanOrEqualTo(FIRST_PASS.size() / BATCH);   // at least one in every batch
    }

    private MongoDatabase database() {
        var server = new MongoServer(new MemoryBackend());
        servers.add(server);
        var client = MongoClients.create("mongodb://127.0.0.1:" + server.bind().getPort());
        clients.add(client);
        return client.getDatabase("test");
    }

    /** Two incidents, four tasks in two departments: requests, acknowledgments, escalation, completion, cancel. */
    static List<DomainEventMessage<?>> history() {
        var operator = new Actor("operator", Role.OPERATOR, null).toMetaData();
        var saga = Actor.system("incident-response").toMetaData();
        var leak = new IncidentId("leak");
        var fire = new IncidentId("fire");
        List<DomainEventMessage<?>> events = new ArrayList<>();
        events.add(incident(leak, 0, reported(leak, IncidentType.GAS_LEAK, 1), operator));                   // 1
        events.add(incident(fire, 0, reported(fire, IncidentType.FIRE, 2), operator));                       // 2
        events.add(task("t1", 0, requested("t1", leak, Department.FIRE), saga));                             // 3
        events.add(task("t2", 0, requested("t2", leak, Department.POLICE), saga));                           // 4
        events.add(task("t3", 0, requested("t3", fire, Department.FIRE), saga));                             // 5 late
        events.add(task("t1", 1, new TaskAcknowledgedEvent(new TaskId("t1"), leak, Department.FIRE, "fire",
                T0.plusSeconds(60)), saga));                                                                   // 6
        events.add(incident(leak, 1, new IncidentConfirmedEvent(leak, T0.plusSeconds(70)), operator));       // 7
        events.add(task("t4", 0, requested("t4", fire, Department.POLICE), saga));                           // 8
        events.add(task("t2", 1, new TaskEscalatedEvent(new TaskId("t2"), leak, Department.POLICE, 1,
                EscalationStep.RENOTIFY, T0.plusSeconds(600), T0.plusSeconds(301)), saga));                  // 9
        events.add(task("t3", 1, new TaskAcknowledgedEvent(new TaskId("t3"), fire, Department.FIRE, "fire",
                T0.plusSeconds(90)), saga));                                                                   // 10
        events.add(incident(fire, 1, new IncidentReclassifiedEvent(fire, IncidentType.HAZMAT, Severity.EXTREME,
                Urgency.IMMEDIATE, Certainty.OBSERVED, Severity.SEVERE, "chlorine", T0.plusSeconds(95)), operator));
        events.add(task("t1", 2, new TaskProgressReportedEvent(new TaskId("t1"), leak, Department.FIRE,
                TaskStatus.ON_SCENE, "on scene", "fire", T0.plusSeconds(400)), saga));                        // 12
        events.add(task("t1", 3, new TaskCompletedEvent(new TaskId("t1"), leak, Department.FIRE, "done", "fire",
                T0.plusSeconds(900)), saga));                                                                  // 13
        events.add(task("t4", 1, new TaskCancelledEvent(new TaskId("t4"), fire, Department.POLICE, "not needed",
                T0.plusSeconds(910)), saga));                                                                  // 14
        events.add(incident(leak, 2, new IncidentResponseStartedEvent(leak, T0.plusSeconds(920)), operator)); // 15
        events.add(incident(fire, 2, new IncidentCancelledEvent(fire, "false alarm", T0.plusSeconds(930)),
                operator));                                                                                    // 16
        return events;
    }

    private static IncidentReportedEvent reported(IncidentId id, IncidentType type, int number) {
        return new IncidentReportedEvent(id, IncidentNumber.of(LocalDate.of(2026, 11, 28), number), type,
                Severity.SEVERE, Urgency.IMMEDIATE, Certainty.OBSERVED, Location.at(31.23, 121.47, "Nanjing Road 100"),
                "probe", IncidentSource.operator("operator"), false, T0);
    }

    private static TaskRequestedEvent requested(String task, IncidentId incident, Department department) {
        return new TaskRequestedEvent(new TaskId(task), incident, department, "act", Priority.HIGH,
                T0.plusSeconds(300), T0.plusSeconds(30));
    }

    private static DomainEventMessage<?> incident(IncidentId id, long seq, Object event, Map<String, ?> metaData) {
        return new GenericDomainEventMessage<>("Incident", id.value(), seq, event, MetaData.from(metaData));
    }

    private static DomainEventMessage<?> task(String id, long seq, Object event, Map<String, ?> metaData) {
        return new GenericDomainEventMessage<>("Task", id, seq, event, MetaData.from(metaData));
    }
}
