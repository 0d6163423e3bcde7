package city.beacon.infra.scenario;

import city.beacon.infra.support.BeaconNode;
import city.beacon.infra.support.Http;
import city.beacon.infra.support.Reports;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The reference scenario of DESIGN §1 end to end over HTTP, with the plan's deadlines compressed tenfold: a severe
 * gas leak is reported and confirmed, the six departments of the plan are tasked, four acknowledge, environment
 * declines and its backup (fire) takes over, fire misses its deadline and is escalated, everyone completes, and
 * Beacon tells the operators the incident can be contained.
 */
class GasLeakScenarioIT {
    private static final Duration WAIT = Duration.ofSeconds(40);

    @Test
    void aSevereGasLeakIsCoordinatedAcrossSixDepartments(@TempDir Path data) {
        try (var node = BeaconNode.start(data, "--beacon.plans.time-scale=0.1")) {
            var operator = node.as("operator");
            var created = operator.post("/api/incidents", Reports.gasLeak("Gas main pressure 40% below normal"));
            assertThat(created.status()).isEqualTo(201);
            var id = created.json().get("id").asText();
            assertThat(operator.post("/api/incidents/" + id + "/confirm", null).status()).isEqualTo(204);

            var dispatched = awaitIncident(operator, id, incident -> incident.path("tasks").size() == 6);
            assertThat(departments(dispatched)).containsExactlyInAnyOrder("GAS_UTILITY", "FIRE", "POLICE", "TRAFFIC",
                    "MEDICAL", "ENVIRONMENT");
            assertThat(task(dispatched, "POLICE").path("action").asText()).isEqualTo("Cordon 200 m and evacuate");

            for (var department : List.of("GAS_UTILITY", "POLICE", "TRAFFIC", "MEDICAL")) {
                acknowledge(node, department, task(dispatched, department));
            }
            awaitIncident(operator, id, incident -> "RESPONDING".equals(incident.path("status").asText()));

            var environment = node.as("environment").post("/api/tasks/" + taskId(dispatched, "ENVIRONMENT")
                    + "/decline", "{\"reason\":\"monitoring van in the workshop\"}");
            assertThat(environment.status()).as(environment.toString()).isEqualTo(204);
            var withBackup = awaitIncident(operator, id, incident -> incident.path("tasks").size() == 7);
            var backup = tasksOf(withBackup, "FIRE").stream()
                    .filter(task -> task.path("action").asText().equals("Monitor air quality")).findFirst().orElseThrow();

            // Fire's own task ("stand by against ignition", 1 min, 6 s here) is left unacknowledged: it escalates.
            var escalated = awaitIncident(operator, id, incident -> tasksOf(incident, "FIRE").stream()
                    .anyMatch(task -> task.path("escalationLevel").asInt() >= 1));
            var standBy = tasksOf(escalated, "FIRE").stream()
                    .filter(task -> task.path("escalationLevel").asInt() >= 1).findFirst().orElseThrow();
            assertThat(standBy.path("action").asText()).isEqualTo("Stand by against ignition");
            assertThat(standBy.path("status").asText()).isEqualTo("ESCALATED");
            assertThat(timelineTexts(escalated)).anyMatch(line -> line.contains("FIRE missed the acknowledgment deadline"));

            acknowledge(node, "FIRE", standBy);
            acknowledge(node, "FIRE", backup);
            for (var task : activeTasks(operator, id)) {
                var liaison = node.as(task.path("department").asText().toLowerCase(Locale.ROOT));
                var taskPath = "/api/tasks/" + task.path("taskId").asText();
                assertThat(liaison.post(taskPath + "/progress", "{\"status\":\"ON_SCENE\",\"note\":\"arrived\"}").status())
                        .isEqualTo(204);
                assertThat(liaison.post(taskPath + "/complete", "{\"outcome\":\"done\"}").status()).isEqualTo(204);
            }

            var ready = awaitIncident(operator, id, incident -> incident.path("readyToContain").asBoolean());
            assertThat(ready.path("status").asText()).isEqualTo("RESPONDING");
            assertThat(timelineTexts(ready)).anyMatch(line -> line.contains("ready to be contained"));

            for (var action : List.of("contain", "resolve", "close")) {
                assertThat(operator.post("/api/incidents/" + id + "/" + action, null).status()).isEqualTo(204);
            }
            var closed = awaitIncident(operator, id, incident -> "CLOSED".equals(incident.path("status").asText()));
            assertThat(closed.path("tasks")).allMatch(task -> List.of("COMPLETED", "DECLINED")
                    .contains(task.path("status").asText()));
        }
    }

    private static void acknowledge(BeaconNode node, String department, JsonNode task) {
        var response = node.as(department.toLowerCase(Locale.ROOT))
                .post("/api/tasks/" + task.path("taskId").asText() + "/acknowledge", null);
        assertThat(response.status()).as(department + " " + response).isEqualTo(204);
    }

    private static List<JsonNode> activeTasks(Http operator, String id) {
        var incident = awaitIncident(operator, id, i -> tasksIn(i).stream().noneMatch(t ->
                List.of("REQUESTED", "ESCALATED").contains(t.path("status").asText())));
        return tasksIn(incident).stream()
                .filter(task -> List.of("ACKNOWLEDGED", "EN_ROUTE", "ON_SCENE").contains(task.path("status").asText()))
                .toList();
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

    private static List<JsonNode> tasksOf(JsonNode incident, String department) {
        return tasksIn(incident).stream().filter(t -> department.equals(t.path("department").asText())).toList();
    }

    private static JsonNode task(JsonNode incident, String department) {
        return tasksOf(incident, department).get(0);
    }

    private static String taskId(JsonNode incident, String department) {
        return task(incident, department).path("taskId").asText();
    }

    private static List<String> departments(JsonNode incident) {
        return tasksIn(incident).stream().map(t -> t.path("department").asText()).toList();
    }

    private static List<String> timelineTexts(JsonNode incident) {
        var lines = new ArrayList<String>();
        incident.path("timeline").forEach(line -> lines.add(line.path("text").asText()));
        return lines;
    }
}
