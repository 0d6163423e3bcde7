package city.beacon.infra.kpi;

import city.beacon.api.common.Actor;
import city.beacon.api.common.Department;
import city.beacon.api.incident.IncidentId;
import city.beacon.api.task.Priority;
import city.beacon.api.task.RequestTaskCommand;
import city.beacon.api.task.TaskAcknowledgedEvent;
import city.beacon.api.task.TaskId;
import city.beacon.api.task.TaskRequestedEvent;
import city.beacon.infra.support.BeaconNode;
import city.beacon.infra.support.Http;
import com.fasterxml.jackson.databind.JsonNode;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

/** Response KPIs over HTTP, checked against the times the events recorded. */
class KpiApiIT {
    private static final Duration WAIT = Duration.ofSeconds(15);
    @TempDir
    static Path data;
    static BeaconNode node;
    static Http auditor;

    @BeforeAll
    static void start() {
        node = BeaconNode.start(data);
        auditor = node.as("auditor");
    }

    @AfterAll
    static void stop() {
        node.close();
    }

    private static String reportFlood(boolean drill) {
        var created = node.as("operator").post("/api/incidents", """
                {"type":"FLOOD","severity":"MODERATE","urgency":"IMMEDIATE","certainty":"OBSERVED",
                 "location":{"lat":31.2304,"lon":121.4737,"address":"Yan'an Road underpass"},
                 "summary":"Underpass flooded","drill":%s}""".formatted(drill));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.json().get("id").asText();
    }

    private static TaskId requestAndAcknowledge(String incidentId, Instant acknowledgeBy) {
        var id = TaskId.random();
        var command = new RequestTaskCommand(id, new IncidentId(incidentId), Department.WATER, "Pump out the underpass",
                Priority.HIGH, acknowledgeBy);
        node.bean(CommandGateway.class).sendAndWait(GenericCommandMessage.asCommandMessage(command)
                .andMetaData(Actor.system("test").toMetaData()));
        assertThat(node.as("water").post("/api/tasks/" + id + "/acknowledge", null).status()).isEqualTo(204);
        return id;
    }

    /** Seconds from request to acknowledgment, as the task's own events recorded them. */
    private static double recordedSeconds(TaskId task) {
        var events = node.bean(EventStore.class).readEvents(task.value()).asStream().map(m -> m.getPayload()).toList();
        var requested = (TaskRequestedEvent) events.get(0);
        var acknowledged = (TaskAcknowledgedEvent) events.get(1);
        return Duration.between(requested.requestedAt(), acknowledged.acknowledgedAt()).toNanos() / 1e9;
    }

    private static JsonNode waterFloodRow(String from, String to) {
        for (JsonNode row : auditor.get("/api/kpis?from=" + from + "&to=" + to).json()) {
            if ("WATER".equals(row.path("department").asText()) && "FLOOD".equals(row.path("incidentType").asText())) {
                return row;
            }
        }
        return null;
    }

    @Test
    void theMedianTimeToAcknowledgeAndTheMissRateExcludeDrills() {
        var from = Instant.now().minusSeconds(1).toString();
        var flood = reportFlood(false);
        var drill = reportFlood(true);
        var tasks = new ArrayList<TaskId>();
        tasks.add(requestAndAcknowledge(flood, Instant.now().plusSeconds(600)));
        tasks.add(requestAndAcknowledge(flood, Instant.now().plusSeconds(600)));
        tasks.add(requestAndAcknowledge(flood, Instant.now().minusSeconds(1)));   // its deadline already passed
        requestAndAcknowledge(drill, Instant.now().plusSeconds(600));
        var to = Instant.now().plusSeconds(60).toString();

        var seconds = new ArrayList<>(tasks.stream().map(KpiApiIT::recordedSeconds).toList());
        seconds.sort(Double::compare);
        await().atMost(WAIT).until(() -> {
            var row = waterFloodRow(from, to);
            return row != null && row.path("acknowledge").path("samples").asInt() == 3;
        });
        var row = waterFloodRow(from, to);
        assertThat(row.path("tasks").asInt()).isEqualTo(3);
        assertThat(row.path("acknowledge").path("medianSeconds").asDouble()).isCloseTo(seconds.get(1), within(0.001));
        assertThat(row.path("deadlinesMissed").asInt()).isEqualTo(1);
        assertThat(row.path("deadlineMissRate").asDouble()).isCloseTo(1 / 3.0, within(1e-9));
        assertThat(row.path("onScene").path("samples").asInt()).isZero();
    }

    @Test
    void aBadPeriodIsRefusedNamingTheParameter() {
        assertProblem(auditor.get("/api/kpis?to=2026-11-28T00:00:00Z"), "from");
        assertProblem(auditor.get("/api/kpis?from=2026-11-28T00:00:00Z"), "to");
        assertProblem(auditor.get("/api/kpis?from=yesterday&to=2026-11-28T00:00:00Z"), "from");
        assertProblem(auditor.get("/api/kpis?from=2026-11-28T00:00:00Z&to=2026-11-27T00:00:00Z"), "to");
        assertProblem(auditor.get("/api/kpis?from=2025-01-01T00:00:00Z&to=2026-11-28T00:00:00Z"), "to");
        assertThat(auditor.get("/api/kpis?from=2025-11-28T00:00:00Z&to=2026-11-28T00:00:00Z").status()).isEqualTo(200);
    }

    private static void assertProblem(Http.Response response, String field) {
        assertThat(response.status()).as(response.toString()).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/problem+json");
        List<String> fields = new ArrayList<>();
        response.json().path("errors").forEach(error -> fields.add(error.path("field").asText()));
        assertThat(fields).as(response.toString()).contains(field);
    }
}
