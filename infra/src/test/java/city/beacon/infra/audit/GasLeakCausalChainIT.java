package city.beacon.infra.audit;

import city.beacon.infra.support.BeaconNode;
import city.beacon.infra.support.Http;
import city.beacon.infra.support.KeyedHttp;
import com.fasterxml.jackson.databind.JsonNode;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Issue 12's causality example told by the reference scenario (DESIGN §1): the gas main's sensor reads far below
 * normal, the alarm opens a GAS_LEAK incident, the plan dispatches tasks, the fire brigade does not acknowledge within
 * its (time-scaled) deadline and the task escalates. An auditor asking for the escalation's chain sees the whole way
 * back to the alarm, and from the alarm forward everything it set off.
 */
class GasLeakCausalChainIT {
    private static final Duration WAIT = Duration.ofSeconds(60);

    @Test
    void anEscalationTracesBackToTheSensorAlarmThroughReportPlanAndTask(@TempDir Path data) {
        // SEVERE GAS_LEAK: FIRE must acknowledge within 2 min; scaled by 0.05 that is 6 s.
        try (var node = BeaconNode.start(data, "--beacon.plans.time-scale=0.05")) {
            var operator = node.as("operator");
            var auditor = node.as("auditor");
            await().atMost(WAIT).until(() -> operator.get("/api/sensors/GP-0101").status() == 200);
            sendPressureDrop(node);
            await().atMost(WAIT).until(() -> operator.get("/api/sensors/GP-0101").json().hasNonNull("incidentId"));
            String incidentId = operator.get("/api/sensors/GP-0101").json().path("incidentId").asText();

            // Nobody acknowledges: the fire brigade's task escalates when its deadline passes.
            try {
                await().atMost(WAIT).pollInterval(Duration.ofMillis(500))
                        .until(() -> firstOfType(auditor, incidentId, "TaskEscalated", "FIRE") != null);
            } catch (ConditionTimeoutException e) {
                throw new AssertionError("no escalation of FIRE's task; the incident's history: "
                        + types(auditor.get("/api/audit/incidents/" + incidentId + "/events").json().path("events")), e);
            }
            JsonNode escalated = firstOfType(auditor, incidentId, "TaskEscalated", "FIRE");
            String fireTask = escalated.path("aggregateId").asText();

            JsonNode chain = auditor.get("/api/audit/events/" + escalated.path("eventId").asText() + "/chain").json();
            List<String> causes = types(chain.path("causes"));   // nearest first
            assertThat(causes).as(chain.toPrettyString())
                    .containsSubsequence("TaskRequested", "IncidentReported", "SensorAlarmRaised");
            assertThat(causes.get(causes.size() - 1)).isEqualTo("SensorAlarmRaised");   // nothing caused the alarm
            JsonNode requested = chain.path("causes").get(causes.indexOf("TaskRequested"));
            assertThat(requested.path("aggregateId").asText()).isEqualTo(fireTask);
            assertThat(departmentOf(requested)).isEqualTo("FIRE");
            // The deadline is not stored, so the escalation names as its trigger the request that set the deadline.
            assertThat(escalated.path("triggerEventId").asText()).isEqualTo(requested.path("eventId").asText());
            assertThat(escalated.path("actor").path("role").asText(null)).isNotEqualTo("OPERATOR");

            // Forward from the alarm: the incident, every department's task and the fire brigade's escalation.
            JsonNode alarm = chain.path("causes").get(causes.size() - 1);
            JsonNode effects = auditor.get("/api/audit/events/" + alarm.path("eventId").asText() + "/chain").json();
            List<String> caused = new ArrayList<>();
            List<String> causedIds = new ArrayList<>();
            effects.path("effects").forEach(e -> {
                caused.add(e.path("event").path("type").asText());
                causedIds.add(e.path("event").path("eventId").asText());
            });
            assertThat(caused).as(effects.toPrettyString()).contains("IncidentReported", "TaskRequested");
            assertThat(caused.stream().filter("TaskRequested"::equals).count()).isEqualTo(6);
            assertThat(causedIds).contains(escalated.path("eventId").asText());
            assertThat(effects.path("causes")).isEmpty();
        }
    }

    private static void sendPressureDrop(BeaconNode node) {
        var gateway = new KeyedHttp(node.baseUrl(), "demo-sensor-key");
        var t0 = Instant.now().minusSeconds(300).truncatedTo(ChronoUnit.SECONDS);
        List<String> readings = new ArrayList<>();
        double[] values = {0.401, 0.399, 0.22, 0.21};   // 0.22 MPa: 45 % below 0.40
        for (int i = 0; i < values.length; i++) {
            readings.add("{\"sensorId\":\"GP-0101\",\"value\":%s,\"unit\":\"MPa\",\"at\":\"%s\"}"
                    .formatted(values[i], t0.plusSeconds(30L * i)));
        }
        var sent = gateway.postJson("/api/sensors/readings", "[" + String.join(",", readings) + "]");
        assertThat(sent.json().path("accepted").asInt()).as(sent.toString()).isEqualTo(values.length);
    }

    private static JsonNode firstOfType(Http auditor, String incidentId, String type, String department) {
        var response = auditor.get("/api/audit/incidents/" + incidentId + "/events?type=" + type);
        if (response.status() != 200) {
            return null;
        }
        for (JsonNode event : response.json().path("events")) {
            if (department.equals(departmentOf(event))) {
                return event;
            }
        }
        return null;
    }

    private static String departmentOf(JsonNode event) {
        JsonNode department = event.path("payload").path("department");
        return department.isTextual() ? department.asText() : department.path("code").asText();
    }

    private static List<String> types(JsonNode events) {
        List<String> types = new ArrayList<>();
        events.forEach(e -> types.add(e.path("type").asText()));
        return types;
    }
}
