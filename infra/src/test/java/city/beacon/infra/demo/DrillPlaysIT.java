package city.beacon.infra.demo;

import city.beacon.infra.support.BeaconNode;
import com.fasterxml.jackson.databind.JsonNode;
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

/** The demo drill on a whole node, at twenty times the speed: started by the flag and by the console's button. */
class DrillPlaysIT {
    @TempDir
    static Path data;
    static BeaconNode node;

    @BeforeAll
    static void start() {
        node = BeaconNode.start(data, "--beacon.demo.pace=0.05", "--beacon.demo.play-on-start=true");
    }

    @AfterAll
    static void stop() {
        node.close();
    }

    @Test
    void theFlagPlaysTheDrillToItsEndAsADrillReportedByASensor() {
        await().atMost(Duration.ofSeconds(30)).until(() -> closedDrills().size() >= 1);
        JsonNode incident = node.as("auditor").get("/api/incidents/" + closedDrills().get(0)).json();
        assertThat(incident.path("drill").asBoolean()).isTrue();
        assertThat(incident.path("source").path("kind").asText()).isEqualTo("SENSOR");
        assertThat(incident.path("location").path("area").path("radiusMeters").asDouble()).isEqualTo(200.0);
        List<String> kinds = new ArrayList<>();
        incident.path("timeline").forEach(line -> kinds.add(line.path("kind").asText()));
        assertThat(kinds).containsSubsequence("IncidentReported", "IncidentConfirmed", "IncidentContained",
                "IncidentResolved", "IncidentClosed");
        assertThat(incident.path("timeline").get(0).path("actorId").asText()).isEqualTo("beacon:demo-drill");
        var byNumber = node.as("auditor").get("/api/incidents/search?number=" + incident.path("number").asText()).json();
        assertThat(byNumber).singleElement().satisfies(row -> assertThat(row.path("id").asText()).isEqualTo(incident.path("id").asText()));
    }

    @Test
    void onlyOperatorsStartADrillFromTheConsole() {
        assertThat(node.as("fire").post("/api/demo/drills/gas-leak", null).status()).isEqualTo(403);
        assertThat(node.as("auditor").post("/api/demo/drills/gas-leak", null).status()).isEqualTo(403);
        var started = node.as("operator").post("/api/demo/drills/gas-leak", null);
        assertThat(started.status()).isEqualTo(202);
        assertThat(started.json().path("number").asText()).matches("\\d{8}-\\d{4}");
    }

    private static List<String> closedDrills() {
        var today = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai"));
        var found = node.as("auditor").get("/api/incidents/search?from=" + today.minusDays(1) + "&to=" + today.plusDays(1));
        List<String> ids = new ArrayList<>();
        found.json().forEach(row -> {
            if (row.path("drill").asBoolean() && "CLOSED".equals(row.path("status").asText())) {
                ids.add(row.path("id").asText());
            }
        });
        return ids;
    }
}
