package city.beacon.query.task;

import city.beacon.api.common.Department;
import city.beacon.api.incident.IncidentId;
import city.beacon.api.task.*;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.axonframework.queryhandling.SimpleQueryUpdateEmitter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;

class TaskProjectionTest {
    static final Instant NOW = Instant.parse("2026-11-28T08:00:00Z");
    static final IncidentId INCIDENT = new IncidentId("incident-1");

    private MongoServer server;
    private MongoClient client;
    private TaskProjection projection;
    private Instant now = NOW;

    @BeforeEach
    void start() {
        server = new MongoServer(new MemoryBackend());
        var address = server.bind();
        client = MongoClients.create("mongodb://127.0.0.1:" + address.getPort());
        var clock = new Clock() {
            @Override public ZoneId getZone() { return ZoneOffset.UTC; }
            @Override public Clock withZone(ZoneId zone) { return this; }
            @Override public Instant instant() { return now; }
        };
        projection = new TaskProjection(client.getDatabase("test"), SimpleQueryUpdateEmitter.builder().build(), clock);
    }

    @AfterEach
    void stop() {
        client.close();
        server.shutdownNow();
    }

    private static TaskRequestedEvent requested(String id, Department department, Priority priority, long deadlineMinutes) {
        return new TaskRequestedEvent(new TaskId(id), INCIDENT, department, "act " + id, priority,
                NOW.plus(Duration.ofMinutes(deadlineMinutes)), NOW);
    }

    private void request(String id, Department department, Priority priority, long deadlineMinutes) {
        projection.on(requested(id, department, priority, deadlineMinutes), 0, "beacon:test");
    }

    private java.util.List<String> queue(Department department, TaskStatus status) {
        return projection.handle(new FindTasksQuery(department, status)).stream().map(TaskView::id).toList();
    }

    private TaskView task(String id) {
        return projection.handle(new FindTaskQuery(new TaskId(id))).orElseThrow();
    }

    @Test
    void aQueueListsItsDepartmentsOpenTasksByPriorityThenDeadline() {
        request("late-high", Department.FIRE, Priority.HIGH, 30);
        request("soon-high", Department.FIRE, Priority.HIGH, 5);
        request("critical", Department.FIRE, Priority.CRITICAL, 60);
        request("low", Department.FIRE, Priority.LOW, 1);
        request("police", Department.POLICE, Priority.CRITICAL, 1);

        assertThat(queue(Department.FIRE, null)).containsExactly("critical", "soon-high", "late-high", "low");
        assertThat(queue(null, null)).containsExactly("police", "critical", "soon-high", "late-high", "low");
        assertThat(queue(Department.WATER, null)).isEmpty();
    }

    @Test
    void anEventDeliveredTwiceChangesNothing() {
        request("t1", Department.FIRE, Priority.HIGH, 5);
        var acknowledged = new TaskAcknowledgedEvent(new TaskId("t1"), INCIDENT, Department.FIRE, "fire", NOW);
        projection.on(acknowledged, 1);
        projection.on(new TaskProgressReportedEvent(new TaskId("t1"), INCIDENT, Department.FIRE, TaskStatus.EN_ROUTE,
                "engine 7 left", "fire", NOW), 2);
        projection.on(acknowledged, 1);
        request("t1", Department.FIRE, Priority.HIGH, 5);

        var view = task("t1");
        assertThat(view.status()).isEqualTo(TaskStatus.EN_ROUTE);
        assertThat(view.acknowledgedBy()).isEqualTo("fire");
        assertThat(view.lastNote()).isEqualTo("engine 7 left");
        assertThat(view.version()).isEqualTo(2);
        assertThat(queue(Department.FIRE, null)).containsExactly("t1");
    }

    @Test
    void endedTasksStayVisibleForADayThenOnlyByStatus() {
        request("open", Department.FIRE, Priority.LOW, 5);
        request("done", Department.FIRE, Priority.HIGH, 5);
        projection.on(new TaskAcknowledgedEvent(new TaskId("done"), INCIDENT, Department.FIRE, "fire", NOW), 1);
        var completed = new TaskCompletedEvent(new TaskId("done"), INCIDENT, Department.FIRE, "secured", "fire", NOW);
        projection.on(completed, 2);
        projection.on(completed, 2);

        assertThat(queue(Department.FIRE, null)).containsExactly("open", "done");
        assertThat(queue(Department.FIRE, TaskStatus.REQUESTED)).containsExactly("open");
        now = NOW.plus(Duration.ofHours(25));
        assertThat(queue(Department.FIRE, null)).containsExactly("open");
        assertThat(queue(Department.FIRE, TaskStatus.COMPLETED)).containsExactly("done");
        assertThat(task("done").outcome()).isEqualTo("secured");
    }

    @Test
    void escalationAndNotificationOutcomesAreShown() {
        request("t1", Department.FIRE, Priority.HIGH, 5);
        projection.on(new TaskNotificationFailedEvent(new TaskId("t1"), INCIDENT, Department.FIRE, NoticeKind.NEW_TASK,
                "https://fire.example", 3, "connection refused", NOW), 1);
        projection.on(new TaskEscalatedEvent(new TaskId("t1"), INCIDENT, Department.FIRE, 1, EscalationStep.RENOTIFY,
                NOW.plusSeconds(600), NOW), 2, "beacon:response");

        var view = task("t1");
        assertThat(view.status()).isEqualTo(TaskStatus.ESCALATED);
        assertThat(view.escalationLevel()).isEqualTo(1);
        assertThat(view.lastBy()).isEqualTo("beacon:response");
        assertThat(view.notification()).isEqualTo(new TaskNotificationView(NoticeKind.NEW_TASK, false,
                "https://fire.example", 3, "connection refused", NOW));
    }

    @Test
    void theEndedListKeepsTheLatestTasksOnly() {
        for (int i = 0; i < TaskStore.ENDED_KEPT + 5; i++) {
            request("t" + i, Department.FIRE, Priority.NORMAL, 5);
            projection.on(new TaskCancelledEvent(new TaskId("t" + i), INCIDENT, Department.FIRE, "closed", NOW),
                    1, "beacon:test");
        }
        var cancelled = queue(Department.FIRE, TaskStatus.CANCELLED);
        assertThat(cancelled).hasSize(TaskStore.ENDED_KEPT).doesNotContain("t0", "t4").contains("t5", "t204");
    }

    @Test
    void resetEmptiesTheModel() {
        request("t1", Department.FIRE, Priority.HIGH, 5);
        projection.reset();
        assertThat(queue(null, null)).isEmpty();
        assertThat(projection.handle(new FindTaskQuery(new TaskId("t1")))).isEmpty();
    }
}
