package city.beacon.infra.authorization;

import city.beacon.infra.support.BeaconNode;
import city.beacon.infra.support.Http;
import city.beacon.infra.support.KeyedHttp;
import com.fasterxml.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What the matrix acts on, made through the API in the state each action needs: incidents (a FIRE incident, so FIRE's
 * liaison is "the incident's department"), their FIRE tasks, FIRE's units. A target is reused across callers until one
 * of them changes it (an allowed action), then a fresh one is made.
 */
final class Targets {
    static final String SECRET_NOTE = "caller is the shop owner, phone 138-0000-4711";
    static final String REPORTER = "operator";
    private static final Duration WAIT = Duration.ofSeconds(20);
    private final BeaconNode node;
    private final Http operator;
    private final KeyedHttp fireSystem;
    private int serial;

    Targets(BeaconNode node) {
        this.node = node;
        this.operator = node.as("operator");
        this.fireSystem = new KeyedHttp(node.baseUrl(), "demo-fire-key");
    }

    /** A target that lasts until an allowed action spends it. */
    static final class Reusable {
        private final Supplier<String> fresh;
        private String current;

        Reusable(Supplier<String> fresh) {
            this.fresh = fresh;
        }

        String get() {
            if (current == null) {
                current = fresh.get();
            }
            return current;
        }

        void spend() {
            current = null;
        }
    }

    String reported() {
        var created = operator.post("/api/incidents", """
                {"type":"FIRE","severity":"MINOR","urgency":"IMMEDIATE","certainty":"OBSERVED",
                 "location":{"lat":31.2304,"lon":121.4737,"address":"Matrix Road %d"},
                 "summary":"authorization matrix %d","drill":true}""".formatted(++serial, serial));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.json().path("id").asText();
    }

    String confirmed() {
        return advance(reported(), "confirm");
    }

    String contained() {
        return advance(confirmed(), "contain");
    }

    String resolved() {
        var id = contained();
        var answer = operator.post("/api/incidents/" + id + "/resolve", "{\"resolution\":\"matrix\"}");
        assertThat(answer.status()).as(answer.toString()).isEqualTo(204);
        return id;
    }

    /** A confirmed incident (so its response plan has dispatched a FIRE task) with an internal note, seen in the read model: what liaisons must see redacted. */
    String withRestrictedFields() {
        var id = confirmed();
        var noted = operator.post("/api/incidents/" + id + "/notes", "{\"text\":\"" + SECRET_NOTE + "\"}");
        assertThat(noted.status()).as(noted.toString()).isEqualTo(204);
        await().atMost(WAIT).until(() -> operator.get("/api/incidents/" + id).body().contains(SECRET_NOTE)
                && operator.get("/api/incidents/" + id).json().path("tasks").size() > 0);
        return id;
    }

    /** The id of one stored event of the incident, as auditors find it. */
    String eventOf(String incidentId) {
        var events = node.as("auditor").get("/api/audit/incidents/" + incidentId + "/events");
        assertThat(events.status()).as(events.toString()).isEqualTo(200);
        return events.json().path("events").path(0).path("eventId").asText();
    }

    /** A verification run an administrator started, for auditors to look up. */
    String verificationRun() {
        var started = node.as("admin").post("/api/audit/verify", null);
        assertThat(started.status()).as(started.toString()).isEqualTo(202);
        return started.json().path("runId").asText();
    }

    /** Seals lag the stream by one batch: waits until the first one exists, so the latest seal can be read. */
    void awaitSealed() {
        await().atMost(WAIT).until(() -> node.as("auditor").get("/api/audit/seals/latest").status() == 200);
    }

    String numberOf(String incidentId) {
        return operator.get("/api/incidents/" + incidentId).json().path("number").asText();
    }

    /** The FIRE task of a fresh incident, REQUESTED. */
    String requestedTask() {
        var id = confirmed();
        await().atMost(WAIT).until(() -> fireTask(id) != null);
        return fireTask(id);
    }

    String acknowledgedTask() {
        var task = requestedTask();
        var answer = fireSystem.postJson("/api/departments/FIRE/tasks/" + task + "/acknowledge", "");
        assertThat(answer.status()).as(answer.toString()).isEqualTo(204);
        return task;
    }

    /** Makes the unit serve a fresh FIRE task, as FIRE's liaison would. */
    String assignedUnit(String unit) {
        var task = acknowledgedTask();
        var answer = node.as("fire").post("/api/units/" + unit + "/assign", "{\"taskId\":\"" + task + "\"}");
        assertThat(answer.status()).as(answer.toString()).isEqualTo(204);
        return unit;
    }

    void freeUnit(String unit) {
        node.as("fire").post("/api/units/" + unit + "/release", null);
        node.as("fire").post("/api/units/" + unit + "/status", "{\"status\":\"AVAILABLE\"}");
    }

    private String fireTask(String incidentId) {
        for (JsonNode task : operator.get("/api/incidents/" + incidentId).json().path("tasks")) {
            if ("FIRE".equals(task.path("department").asText())) {
                return task.path("taskId").asText();
            }
        }
        return null;
    }

    private String advance(String id, String action) {
        var answer = operator.post("/api/incidents/" + id + "/" + action, null);
        assertThat(answer.status()).as(answer.toString()).isEqualTo(204);
        return id;
    }
}
