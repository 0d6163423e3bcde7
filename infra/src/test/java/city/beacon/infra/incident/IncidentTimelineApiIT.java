package city.beacon.infra.incident;

import city.beacon.infra.support.BeaconNode;
import city.beacon.infra.support.Http;
import city.beacon.infra.support.Reports;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** A long incident's timeline over HTTP: the detail carries the latest page, earlier pages come one by one. */
class IncidentTimelineApiIT {
    static final int PAGE = 100;
    static final int NOTES = PAGE + 5;
    @TempDir
    static Path data;
    static BeaconNode node;
    static Http operator;
    static String id;

    @BeforeAll
    static void start() {
        node = BeaconNode.start(data);
        operator = node.as("operator");
        var created = operator.post("/api/incidents", Reports.gasLeak("Pressure drop on a long night"));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        id = created.json().get("id").asText();
        for (int i = 1; i <= NOTES; i++) {
            var note = operator.post("/api/incidents/" + id + "/notes", "{\"text\":\"reading " + i + "\"}");
            assertThat(note.status()).as(note.toString()).isEqualTo(204);
        }
        await().atMost(Duration.ofSeconds(30))
                .until(() -> operator.get("/api/incidents/" + id).json().path("version").asLong() == NOTES);
    }

    @AfterAll
    static void stop() {
        node.close();
    }

    @Test
    void theDetailCarriesTheLatestPageAndTheTimelineEndpointPagesBack() {
        JsonNode detail = operator.get("/api/incidents/" + id).json();
        JsonNode latest = operator.get("/api/incidents/" + id + "/timeline").json();
        assertThat(latest.path("pages").asInt()).isEqualTo(2);
        assertThat(latest.path("page").asInt()).isEqualTo(1);
        assertThat(latest.path("pageSize").asInt()).isEqualTo(PAGE);
        assertThat(latest.path("lines")).isEqualTo(detail.path("timeline"));
        assertThat(latest.path("lines").size()).isEqualTo(NOTES + 1 - PAGE);
        assertThat(latest.path("lines").get(latest.path("lines").size() - 1).path("text").asText())
                .isEqualTo("Note: reading " + NOTES);

        JsonNode first = operator.get("/api/incidents/" + id + "/timeline?page=0").json();
        assertThat(first.path("lines").size()).isEqualTo(PAGE);
        assertThat(first.path("lines").get(0).path("kind").asText()).isEqualTo("IncidentReported");
        assertThat(first.path("lines").get(1).path("text").asText()).isEqualTo("Note: reading 1");
    }

    @Test
    void liaisonsSeeNoInternalNoteTextOnAnyPage() {
        var fire = node.as("fire");
        JsonNode first = fire.get("/api/incidents/" + id + "/timeline?page=0").json();
        assertThat(first.path("lines").get(1).path("text").asText()).isEqualTo("Internal note");
        assertThat(first.path("lines").get(1).has("actorId")).isFalse();
    }

    @Test
    void aPageThatDoesNotExistIsNotFound() {
        var missing = operator.get("/api/incidents/" + id + "/timeline?page=2");
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.contentType()).startsWith("application/problem+json");
        assertThat(operator.get("/api/incidents/no-such-incident/timeline").status()).isEqualTo(404);
    }
}
