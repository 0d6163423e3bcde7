package city.beacon.infra.incident;

import city.beacon.infra.support.BeaconNode;
import city.beacon.infra.support.Http;
import city.beacon.infra.support.Reports;
import com.fasterxml.jackson.databind.JsonNode;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The incident API as clients meet it: what it accepts, what it refuses and how it explains a refusal. */
class IncidentApiIT {
    @TempDir
    static Path data;
    static BeaconNode node;
    static Http operator;

    @BeforeAll
    static void start() {
        node = BeaconNode.start(data);
        operator = node.as("operator");
    }

    @AfterAll
    static void stop() {
        node.close();
    }

    private static String report(String summary) {
        var created = operator.post("/api/incidents", Reports.gasLeak(summary));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.json().get("id").asText();
    }

    private static JsonNode awaitStatus(String id, String status) {
        await().atMost(Duration.ofSeconds(10))
                .until(() -> status.equals(operator.get("/api/incidents/" + id).json().path("status").asText()));
        return operator.get("/api/incidents/" + id).json();
    }

    private static void assertProblem(Http.Response response, int status, String field) {
        assertThat(response.status()).as(response.toString()).isEqualTo(status);
        assertThat(response.contentType()).startsWith("application/problem+json");
        if (field != null) {
            List<String> fields = new ArrayList<>();
            response.json().path("errors").forEach(error -> fields.add(error.path("field").asText()));
            assertThat(fields).as(response.toString()).contains(field);
        }
    }

    @Test
    void theWholeLifecycleOverHttp() {
        var id = report("Gas main pressure drop");
        for (var action : List.of("confirm", "contain")) {
            assertThat(operator.post("/api/incidents/" + id + "/" + action, null).status()).isEqualTo(204);
        }
        assertThat(operator.post("/api/incidents/" + id + "/notes", "{\"text\":\"valve V-12 closed\"}").status())
                .isEqualTo(204);
        assertThat(operator.post("/api/incidents/" + id + "/resolve", "{\"resolution\":\"pipe repaired\"}").status())
                .isEqualTo(204);
        assertThat(operator.post("/api/incidents/" + id + "/close", null).status()).isEqualTo(204);
        var closed = awaitStatus(id, "CLOSED");
        assertThat(closed.path("resolution").asText()).isEqualTo("pipe repaired");
    }

    @Test
    void reclassifyAndRelocateChangeTheReadModel() {
        var id = report("Smell of gas");
        assertThat(operator.post("/api/incidents/" + id + "/reclassify",
                "{\"severity\":\"EXTREME\",\"reason\":\"second main affected\"}").status()).isEqualTo(204);
        assertThat(operator.post("/api/incidents/" + id + "/location",
                "{\"lat\":31.24,\"lon\":121.48,\"address\":\"Nanjing Road 300\",\"area\":{\"radiusMeters\":200}}")
                .status()).isEqualTo(204);
        await().atMost(Duration.ofSeconds(10)).until(() -> {
            var view = operator.get("/api/incidents/" + id).json();
            return "EXTREME".equals(view.path("severity").asText())
                    && view.path("location").path("area").path("radiusMeters").asDouble() == 200.0;
        });
    }

    @Test
    void cancellingNeedsAReasonAndIsOnlyPossibleEarly() {
        var id = report("Caller unsure");
        assertProblem(operator.post("/api/incidents/" + id + "/cancel", "{\"reason\":\"\"}"), 400, "reason");
        assertThat(operator.post("/api/incidents/" + id + "/cancel", "{\"reason\":\"false alarm\"}").status())
                .isEqualTo(204);
        assertThat(awaitStatus(id, "CANCELLED").path("cancelReason").asText()).isEqualTo("false alarm");
        var again = operator.post("/api/incidents/" + id + "/confirm", null);
        assertProblem(again, 409, null);
        assertThat(again.json().path("currentState").asText()).isEqualTo("CANCELLED");
    }

    @Test
    void aDuplicateIsMergedIntoAnExistingIncidentOnly() {
        var original = report("Gas leak at the market");
        var duplicate = report("Gas smell near the market");
        assertProblem(operator.post("/api/incidents/" + duplicate + "/merge", "{\"into\":\"no-such-incident\"}"),
                400, "into");
        awaitStatus(original, "REPORTED");
        assertThat(operator.post("/api/incidents/" + duplicate + "/merge", "{\"into\":\"" + original + "\"}").status())
                .isEqualTo(204);
        assertThat(awaitStatus(duplicate, "MERGED").path("mergedInto").asText()).isEqualTo(original);
    }

    @Test
    void invalidTransitionsAreConflictsThatNameTheState() {
        var id = report("Pressure drop");
        var response = operator.post("/api/incidents/" + id + "/close", null);
        assertProblem(response, 409, null);
        assertThat(response.json().path("detail").asText()).contains("is REPORTED; cannot close it");
    }

    @Test
    void badInputIsRefusedFieldByField() {
        assertProblem(operator.post("/api/incidents", Reports.gasLeak("x").replace("GAS_LEAK", "GAS")), 400, "type");
        assertProblem(operator.post("/api/incidents", Reports.gasLeak("x").replace("31.2304", "91")), 400,
                "location.lat");
        assertProblem(operator.post("/api/incidents", Reports.gasLeak("x").replace("121.4737", "-181")), 400,
                "location.lon");
        assertProblem(operator.post("/api/incidents", Reports.gasLeak("x").replace("31.2304", "\"north\"")), 400,
                "location.lat");
        assertProblem(operator.post("/api/incidents", Reports.gasLeak("")), 400, "summary");
        assertProblem(operator.post("/api/incidents", Reports.gasLeak("x".repeat(501))), 400, "summary");
        assertProblem(operator.post("/api/incidents", "{\"type\":\"FIRE\"}"), 400, "severity");
        assertProblem(operator.post("/api/incidents", "{not json"), 400, null);
        assertProblem(operator.post("/api/incidents", null), 400, null);
        var id = report("Pressure drop");
        assertProblem(operator.post("/api/incidents/" + id + "/notes", "{\"text\":\"" + "n".repeat(2001) + "\"}"),
                400, "text");
        assertProblem(operator.post("/api/incidents/" + id + "/reclassify", "{\"severity\":\"HUGE\"}"), 400,
                "severity");
    }

    @Test
    void unknownIncidentsAreNotFound() {
        assertProblem(operator.get("/api/incidents/00000000-0000-0000-0000-000000000000"), 404, null);
        assertProblem(operator.post("/api/incidents/00000000-0000-0000-0000-000000000000/confirm", null), 404, null);
        assertProblem(operator.post("/api/incidents/00000000-0000-0000-0000-000000000000/fly", null), 404, null);
    }

    @Test
    void onlyOperatorsAndAdminsChangeIncidents() {
        var id = report("Pressure drop");
        assertProblem(node.as("auditor").post("/api/incidents/" + id + "/confirm", null), 403, null);
        assertProblem(node.as("fire").post("/api/incidents", Reports.gasLeak("liaison report")), 403, null);
        assertThat(node.as("admin").post("/api/incidents/" + id + "/confirm", null).status()).isEqualTo(204);
        assertThat(node.as("auditor").get("/api/incidents/" + id).status()).isIn(200, 404);
        assertProblem(new Http(node.baseUrl(), "operator", "wrong").get("/api/incidents/" + id), 401, null);
    }

    @Test
    void theApiIsDescribedByOpenApi() {
        var docs = node.as("auditor").get("/v3/api-docs");
        assertThat(docs.status()).isEqualTo(200);
        assertThat(docs.json().path("paths").has("/api/incidents/{id}/confirm")).isTrue();
        assertThat(docs.json().path("paths").has("/api/departments/{code}/queue")).isTrue();
    }

    @Test
    void everyEventRecordsWhoActedAndInResponseToWhat() {
        var id = report("Pressure drop");
        assertThat(node.as("admin").post("/api/incidents/" + id + "/confirm", null).status()).isEqualTo(204);
        List<? extends DomainEventMessage<?>> events = node.bean(EventStore.class).readEvents(id).asStream().toList();
        assertThat(events).hasSize(2);
        var reported = events.get(0).getMetaData();
        assertThat(reported).containsEntry("actorId", "operator").containsEntry("actorRole", "OPERATOR")
                .containsKeys("correlationId", "causationId");
        var confirmed = events.get(1).getMetaData();
        assertThat(confirmed).containsEntry("actorId", "admin").containsEntry("actorRole", "ADMIN");
        assertThat(confirmed.get("causationId")).isNotEqualTo(reported.get("causationId"));
    }
}
