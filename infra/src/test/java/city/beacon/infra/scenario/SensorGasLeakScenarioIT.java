package city.beacon.infra.scenario;

import city.beacon.infra.cap.CapCodec;
import city.beacon.infra.support.BeaconNode;
import city.beacon.infra.support.Http;
import city.beacon.infra.support.KeyedHttp;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * DESIGN §1 told from the sensor: the gas main's pressure sensor GP-0101 reads normal, then far below normal. No
 * operator reports anything: the alarm opens a SEVERE GAS_LEAK incident with the sensor as its source, and the plan
 * is dispatched at once — the gas utility's first (and only) task being the automatic action "Close valve V-0117"
 * followed by its plan line's work. The departments acknowledge and complete; the incident is contained, resolved
 * and closed.
 */
class SensorGasLeakScenarioIT {
    private static final Duration WAIT = Duration.ofSeconds(40);

    @Test
    void aPressureDropOnAGasMainBecomesASevereIncidentWithTheValveTaskFirst(@TempDir Path data) {
        try (var node = BeaconNode.start(data, "--beacon.plans.time-scale=0.1")) {
            var operator = node.as("operator");
            await().atMost(WAIT).until(() -> operator.get("/api/sensors/GP-0101").status() == 200);

            var gateway = new KeyedHttp(node.baseUrl(), "demo-sensor-key");
            var t0 = Instant.now().minusSeconds(300).truncatedTo(ChronoUnit.SECONDS);
            var readings = new ArrayList<String>();
            double[] values = {0.401, 0.399, 0.402, 0.400, 0.22, 0.21};   // 0.22 MPa: 45 % below 0.40
            for (int i = 0; i < values.length; i++) {
                readings.add("{\"sensorId\":\"GP-0101\",\"value\":%s,\"unit\":\"MPa\",\"at\":\"%s\"}"
                        .formatted(values[i], t0.plusSeconds(30L * i)));
            }
            var sent = gateway.postJson("/api/sensors/readings", "[" + String.join(",", readings) + "]");
            assertThat(sent.json().path("accepted").asInt()).as(sent.toString()).isEqualTo(values.length);

            await().atMost(WAIT).until(() -> operator.get("/api/sensors/GP-0101").json().hasNonNull("incidentId"));
            var id = operator.get("/api/sensors/GP-0101").json().path("incidentId").asText();
            var dispatched = awaitIncident(operator, id, incident -> incident.path("tasks").size() == 6);
            assertThat(dispatched.path("type").asText()).isEqualTo("GAS_LEAK");
            assertThat(dispatched.path("severity").asText()).isEqualTo("SEVERE");
            assertThat(dispatched.path("status").asText()).isEqualTo("REPORTED");   // no operator in the loop
            assertThat(dispatched.path("source").path("kind").asText()).isEqualTo("SENSOR");
            assertThat(dispatched.path("source").path("reference").asText()).isEqualTo("GP-0101");
            assertThat(dispatched.path("summary").asText()).contains("0.22 MPa, 45 % below normal").contains("LOW threshold 0.32");

            var first = dispatched.path("tasks").get(0);
            assertThat(first.path("department").asText()).isEqualTo("GAS_UTILITY");
            assertThat(first.path("action").asText())
                    .isEqualTo("Close valve V-0117, then: Isolate the segment and repair");
            assertThat(tasksIn(dispatched).stream().map(t -> t.path("department").asText()).toList())
                    .containsExactlyInAnyOrder("GAS_UTILITY", "FIRE", "POLICE", "TRAFFIC", "MEDICAL", "ENVIRONMENT");
            assertThat(timelineTexts(dispatched)).anyMatch(line -> line.contains("Alarm of sensor GP-0101 linked"));

            // The operator warns the public: a CAP 1.2 alert for the cordon around the sensor (kept for docs/cap.md).
            assertThat(operator.post("/api/incidents/" + id + "/warnings", null).status()).isEqualTo(201);
            var cap = new String[1];
            await().atMost(WAIT).until(() -> {
                var response = operator.get("/api/incidents/" + id + "/cap");
                cap[0] = response.body();
                return response.status() == 200 && cap[0].contains(".W1<");
            });
            assertThat(new CapCodec().read(cap[0]).getInfo()).hasSize(2);
            assertThat(cap[0]).contains("<msgType>Alert</msgType>").contains("<responseType>Evacuate</responseType>")
                    .contains("<severity>Severe</severity>").contains("<circle>31.2336,121.47 0.2</circle>");
            writeQuietly(Path.of("target", "gas-leak-scenario-cap.xml"), cap[0]);

            for (var task : tasksIn(dispatched)) {
                var liaison = node.as(task.path("department").asText().toLowerCase(Locale.ROOT));
                var path = "/api/tasks/" + task.path("taskId").asText();
                assertThat(liaison.post(path + "/acknowledge", null).status()).isEqualTo(204);
                assertThat(liaison.post(path + "/complete", "{\"outcome\":\"done\"}").status()).isEqualTo(204);
            }
            awaitIncident(operator, id, incident -> incident.path("readyToContain").asBoolean());
            for (var action : List.of("contain", "resolve", "close")) {
                assertThat(operator.post("/api/incidents/" + id + "/" + action, null).status()).isEqualTo(204);
            }
            awaitIncident(operator, id, incident -> "CLOSED".equals(incident.path("status").asText()));
        }
    }

    private static void writeQuietly(Path file, String text) {
        try {
            java.nio.file.Files.writeString(file, text);
        } catch (java.io.IOException ignored) {
            // only a copy for the documentation
        }
    }

    private static JsonNode awaitIncident(Http operator, String id, Predicate<JsonNode> condition) {
        var seen = new JsonNode[1];
        await().atMost(WAIT).pollInterval(Duration.ofMillis(200)).until(() -> {
            var response = operator.get("/api/incidents/" + id);
            seen[0] = response.status() == 200 ? response.json() : null;
            return seen[0] != null && condition.test(seen[0]);
        });
        return seen[0];
    }

    private static List<JsonNode> tasksIn(JsonNode incident) {
        var tasks = new ArrayList<JsonNode>();
        incident.path("tasks").forEach(tasks::add);
        return tasks;
    }

    private static List<String> timelineTexts(JsonNode incident) {
        var lines = new ArrayList<String>();
        incident.path("timeline").forEach(line -> lines.add(line.path("text").asText()));
        return lines;
    }
}
