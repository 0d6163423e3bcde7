package city.beacon.infra.live;

import city.beacon.infra.support.BeaconNode;
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

/** The live feed as a wall display and a liaison's system meet it: snapshot first, then versioned deltas. */
class LiveFeedIT {
    private static final Duration WAIT = Duration.ofSeconds(15);
    @TempDir
    static Path data;
    static BeaconNode node;

    @BeforeAll
    static void start() {
        node = BeaconNode.start(data);
    }

    @AfterAll
    static void stop() {
        node.close();
    }

    private static String report(String summary) {
        var created = node.as("operator").post("/api/incidents", Reports.gasLeak(summary));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.json().get("id").asText();
    }

    @Test
    void theBoardSendsASnapshotThenEachChangeInVersionOrder() throws Exception {
        try (var wall = StompProbe.connect(node.baseUrl(), "operator", "operator").subscribe("/topic/board")) {
            JsonNode snapshot = wall.next(m -> "SNAPSHOT".equals(m.path("kind").asText()), WAIT);
            assertThat(snapshot.path("payload").isArray()).isTrue();

            var id = report("Board probe");
            JsonNode reported = wall.next(m -> id.equals(m.path("payload").path("row").path("id").asText()), WAIT);
            assertThat(reported.path("kind").asText()).isEqualTo("DELTA");
            assertThat(reported.path("payload").path("row").path("status").asText()).isEqualTo("REPORTED");

            assertThat(node.as("operator").post("/api/incidents/" + id + "/confirm", null).status()).isEqualTo(204);
            wall.next(m -> "CONFIRMED".equals(m.path("payload").path("row").path("status").asText())
                    && id.equals(m.path("payload").path("row").path("id").asText()), WAIT);

            assertThat(node.as("operator").post("/api/incidents/" + id + "/cancel", "{\"reason\":\"drill over\"}")
                    .status()).isEqualTo(204);
            wall.next(m -> id.equals(m.path("payload").path("removed").asText()), WAIT);

            // Other incidents change the board too (their tasks, their deadlines): what matters is that the
            // client saw one snapshot and then every delta, each exactly one version after the one before.
            var messages = wall.received();
            assertThat(messages.get(0).path("kind").asText()).isEqualTo("SNAPSHOT");
            for (int i = 1; i < messages.size(); i++) {
                assertThat(messages.get(i).path("kind").asText()).isEqualTo("DELTA");
                assertThat(messages.get(i).path("version").asLong())
                        .as("version of message %d", i).isEqualTo(messages.get(i - 1).path("version").asLong() + 1);
            }
        }
    }

    @Test
    void anIncidentTopicCarriesTheTimelineAndHidesRestrictedFieldsFromLiaisons() throws Exception {
        var id = report("Timeline probe");
        await().atMost(WAIT).until(() -> node.as("operator").get("/api/incidents/" + id).status() == 200);
        try (var operator = StompProbe.connect(node.baseUrl(), "operator", "operator").subscribe("/topic/incidents/" + id);
             var liaison = StompProbe.connect(node.baseUrl(), "fire", "fire").subscribe("/topic/incidents/" + id)) {
            assertThat(operator.next(m -> "SNAPSHOT".equals(m.path("kind").asText()), WAIT)
                    .path("payload").path("reportedBy").asText()).isEqualTo("operator");
            assertThat(liaison.next(m -> "SNAPSHOT".equals(m.path("kind").asText()), WAIT)
                    .path("payload").has("reportedBy")).isFalse();

            assertThat(node.as("operator").post("/api/incidents/" + id + "/notes",
                    "{\"text\":\"caller is the shop owner, 138-0000\"}").status()).isEqualTo(204);
            JsonNode full = operator.next(m -> "DELTA".equals(m.path("kind").asText()), WAIT);
            JsonNode redacted = liaison.next(m -> "DELTA".equals(m.path("kind").asText()), WAIT);
            assertThat(full.path("version").asLong()).isEqualTo(redacted.path("version").asLong());
            assertThat(lastLine(full).path("text").asText()).contains("138-0000");
            assertThat(lastLine(redacted).path("text").asText()).isEqualTo("Internal note");
            assertThat(redacted.toString()).doesNotContain("138-0000");
        }
    }

    @Test
    void aLiaisonMayNotSubscribeToAnotherDepartmentsQueue() throws Exception {
        try (var fire = StompProbe.connect(node.baseUrl(), "fire", "fire")) {
            fire.subscribe("/topic/departments/FIRE/tasks");
            assertThat(fire.next(m -> "SNAPSHOT".equals(m.path("kind").asText()), WAIT).path("payload").isArray())
                    .isTrue();
        }
        try (var fire = StompProbe.connect(node.baseUrl(), "fire", "fire")) {
            fire.subscribe("/topic/departments/POLICE/tasks");
            await().atMost(WAIT).until(() -> !fire.isConnected());
            assertThat(fire.poll(Duration.ofMillis(200))).isNull();
        }
    }

    private static JsonNode lastLine(JsonNode message) {
        JsonNode timeline = message.path("payload").path("timeline");
        return timeline.get(timeline.size() - 1);
    }
}
