package city.beacon.infra.security;

import city.beacon.infra.support.BeaconNode;
import city.beacon.infra.support.Http;
import city.beacon.infra.support.Reports;
import city.beacon.infra.support.StompProbe;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Every way a department liaison reads an incident hides who reported it and the internal notes (one policy,
 * {@code LiaisonRedaction}); operators still see them.
 */
class LiaisonReadsIT {
    private static final Duration WAIT = Duration.ofSeconds(15);
    private static final String PHONE = "139-4444-5555";
    private static final String REPORTER = "\"operator\"";
    @TempDir
    static Path data;
    static BeaconNode node;
    static Http operator;
    static Http liaison;
    static String id;
    static String number;

    @BeforeAll
    static void start() {
        node = BeaconNode.start(data);
        operator = node.as("operator");
        liaison = node.as("fire");
        var created = operator.post("/api/incidents", Reports.gasLeak("Gas smell in the basement"));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        id = created.json().get("id").asText();
        number = created.json().get("number").asText();
        assertThat(operator.post("/api/incidents/" + id + "/notes", "{\"text\":\"caller " + PHONE + "\"}").status())
                .isEqualTo(204);
        assertThat(operator.post("/api/incidents/" + id + "/confirm", null).status()).isEqualTo(204);
        await().atMost(WAIT).until(() -> liaison.get("/api/departments/FIRE/queue").body().contains(id)
                && operator.get("/api/incidents/" + id).body().contains("IncidentConfirmed"));
    }

    @AfterAll
    static void stop() {
        node.close();
    }

    private static void assertNothingRestricted(String body) {
        assertThat(body).doesNotContain(PHONE).doesNotContain(REPORTER).doesNotContain("reportedBy");
    }

    @Test
    void theRestDetailHidesReporterSourceNotesAndTheFirstLinesActor() {
        var response = liaison.get("/api/incidents/" + id);
        assertThat(response.status()).isEqualTo(200);
        assertNothingRestricted(response.body());
        JsonNode detail = response.json();
        assertThat(detail.path("source").path("kind").asText()).isEqualTo("OPERATOR");
        assertThat(detail.path("source").has("reference")).isFalse();
        assertThat(detail.path("timeline").get(0).has("actorId")).isFalse();
        assertThat(detail.path("timeline").get(1).path("text").asText()).isEqualTo("Internal note");
    }

    @Test
    void anOperatorStillSeesEverything() {
        JsonNode detail = operator.get("/api/incidents/" + id).json();
        assertThat(detail.path("reportedBy").asText()).isEqualTo("operator");
        assertThat(detail.path("source").path("reference").asText()).isEqualTo("operator");
        assertThat(detail.path("timeline").get(0).path("actorId").asText()).isEqualTo("operator");
        assertThat(detail.toString()).contains(PHONE);
    }

    @Test
    void theBoardSearchQueueAndCapExportCarryNothingRestricted() {
        for (var path : new String[] {"/api/incidents", "/api/incidents/search?number=" + number,
                "/api/departments/FIRE/queue", "/api/incidents/" + id + "/cap"}) {
            var response = liaison.get(path);
            assertThat(response.status()).as(path).isEqualTo(200);
            assertThat(response.body()).as(path).contains(id);
            assertNothingRestricted(response.body());
        }
    }

    @Test
    void theLiveSnapshotAndUpdatesHideTheSame() throws Exception {
        try (var fire = StompProbe.connect(node.baseUrl(), "fire", "fire").subscribe("/topic/incidents/" + id)) {
            JsonNode snapshot = fire.next(m -> "SNAPSHOT".equals(m.path("kind").asText()), WAIT);
            assertNothingRestricted(snapshot.toString());
            assertThat(snapshot.path("payload").path("timeline").get(0).has("actorId")).isFalse();

            assertThat(operator.post("/api/incidents/" + id + "/notes", "{\"text\":\"again " + PHONE + "\"}")
                    .status()).isEqualTo(204);
            JsonNode delta = fire.next(m -> "DELTA".equals(m.path("kind").asText()), WAIT);
            assertNothingRestricted(delta.toString());
            assertThat(delta.path("payload").path("timeline").get(0).has("actorId")).isFalse();
        }
    }
}
