package city.beacon.infra.projection;

import city.beacon.infra.support.BeaconNode;
import city.beacon.infra.support.Http;
import city.beacon.infra.support.Reports;
import city.beacon.infra.support.StompProbe;
import com.fasterxml.jackson.databind.JsonNode;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoDatabase;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.Comparator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Issue 12 item 6: a read model rebuilt side by side. The board keeps answering from the old generation while the
 * new one is built, progress moves and adds up, the switch leaves the same read model, and what happens after the
 * switch reaches the new generation and the consoles.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ProjectionRebuildIT {
    private static final Duration WAIT = Duration.ofSeconds(120);
    private static final String INCIDENTS = "incident-detail";
    private static final int HISTORY_INCIDENTS = 250;
    /** One incident in this many stays open: a board small enough for one STOMP frame of the test's client (64 KB). */
    private static final int OPEN_EVERY = 25;
    @TempDir
    static Path data;
    static BeaconNode node;
    static Http admin;

    private static void boot() {
        node = BeaconNode.start(data, "--spring.profiles.active=bench",
                "--beacon.projections.rebuild.retired-grace=20s", "--beacon.projections.rebuild.silent-after=3s");
        admin = node.as("admin");
    }

    @BeforeAll
    static void start() throws Exception {
        boot();
        writeHistory();
        // Every processor past the history, the live relay included (it follows it too), so the node is quiet.
        await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofMillis(500)).until(() -> {
            var all = admin.get("/api/admin/projections").json();
            for (JsonNode projection : all) {
                if (projection.path("lag").asLong() > 0) {
                    return false;
                }
            }
            return caughtUp(projection(INCIDENTS));
        });
    }

    /** The bench's history writer, given the minutes a loaded machine may need (the test client waits 30 s). */
    private static void writeHistory() throws Exception {
        var request = HttpRequest.newBuilder(URI.create(node.baseUrl() + "/api/admin/bench/history?incidents="
                        + HISTORY_INCIDENTS + "&tasks=3&notes=1&openEvery=" + OPEN_EVERY
                        + "&eventsPerCommit=0&threads=2"))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString("admin:admin".getBytes()))
                .timeout(Duration.ofMinutes(10))
                .POST(HttpRequest.BodyPublishers.noBody()).build();
        var answer = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
    }

    @AfterAll
    static void stop() {
        node.close();
    }

    @Test
    @Order(1)
    void theBoardServesTheOldGenerationUntilTheNewOneHasCaughtUpThenTheNewOneLives() throws Exception {
        List<String> boardBefore = board();
        assertThat(boardBefore).hasSize(HISTORY_INCIDENTS / OPEN_EVERY);

        var started = admin.post("/api/admin/projections/" + INCIDENTS + "/replay", null);
        assertThat(started.status()).as(started.toString()).isEqualTo(202);
        assertThat(started.json().path("state").asText()).isEqualTo("REBUILDING");
        assertThat(started.json().path("generation").asInt()).isEqualTo(1);
        assertThat(started.json().path("rebuild").path("generation").asInt()).isEqualTo(2);
        long startedAt = System.nanoTime();

        List<JsonNode> samples = new ArrayList<>();
        JsonNode now = projection(INCIDENTS);
        while (now.path("state").asText().equals("REBUILDING")) {
            samples.add(now.path("rebuild"));
            assertThat(board()).as("the board while rebuilding").isEqualTo(boardBefore);
            assertThat(Duration.ofNanos(System.nanoTime() - startedAt)).isLessThan(WAIT);
            Thread.sleep(250);   // as a console polls: without a pause the test would take the cores from the rebuild
            now = projection(INCIDENTS);
        }
        double seconds = (System.nanoTime() - startedAt) / 1e9;
        assertThat(now.path("generation").asInt()).isEqualTo(2);
        assertThat(now.path("rebuild").isNull()).isTrue();

        long previous = -1;
        for (JsonNode sample : samples) {
            long done = sample.path("done").asLong();
            assertThat(done).as(sample.toString()).isLessThanOrEqualTo(sample.path("total").asLong());
            assertThat(done).as("done never goes back").isGreaterThanOrEqualTo(previous);
            if (sample.path("eventsPerSecond").asDouble() > 0) {
                assertThat(sample.path("etaSeconds").isNumber()).as(sample.toString()).isTrue();
            }
            previous = done;
        }
        assertThat(samples).as("progress seen while rebuilding").hasSizeGreaterThanOrEqualTo(2);
        assertThat(samples).as("an ETA while rebuilding").anyMatch(sample -> sample.path("etaSeconds").asDouble() > 0);
        assertThat(samples.stream().map(s -> s.path("done").asLong()).distinct().count())
                .as("done moved: %s", samples).isGreaterThanOrEqualTo(2);
        long head = now.path("head").asLong();
        System.out.printf("rebuild of %s: %d events in %.1f s (%.0f events/s, as seen over HTTP; %d samples)%n",
                INCIDENTS, head, seconds, head / seconds, samples.size());

        // Nothing happened meanwhile: the new generation holds exactly what the old one held.
        MongoDatabase store = node.bean(MongoClient.class).getDatabase("beacon");
        for (String collection : List.of("incidents", "incident_timeline", "board")) {
            assertThat(contents(store, collection + ".g2")).as(collection).isEqualTo(contents(store, collection));
        }
        assertThat(contents(store, "incidents.g2")).hasSize(HISTORY_INCIDENTS);
        assertThat(board()).isEqualTo(boardBefore);

        // What happens after the switch reaches the new generation and the consoles (the live relay reads it).
        String open = boardBefore.get(0).split(" ")[0];
        try (var panel = StompProbe.connect(node.baseUrl(), "operator", "operator")
                .subscribe("/topic/incidents/" + open)) {
            panel.next(m -> "SNAPSHOT".equals(m.path("kind").asText()), WAIT);
            var noted = node.as("operator").post("/api/incidents/" + open + "/notes",
                    "{\"text\":\"noted after the rebuild\"}");
            assertThat(noted.status()).as(noted.toString()).isEqualTo(204);
            panel.next(m -> "DELTA".equals(m.path("kind").asText())
                    && m.path("payload").toString().contains("noted after the rebuild"), WAIT);
            await().atMost(WAIT).until(() -> node.as("operator").get("/api/incidents/" + open).body()
                    .contains("noted after the rebuild"));
            assertThat(store.getCollection("incidents.g2").find(new Document("_id", open)).first().toJson())
                    .contains("noted after the rebuild");
        }
        var created = node.as("operator").post("/api/incidents", Reports.gasLeak("After the rebuild"));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String id = created.json().get("id").asText();
        await().atMost(WAIT).until(() -> board().contains(id + " REPORTED"));

        // The old generation is dropped once no node can be reading it any more.
        await().atMost(WAIT).until(() -> !collections(store).contains("incidents"));
        assertThat(collections(store)).contains("incidents.g2", "board.g2");
    }

    @Test
    @Order(2)
    void unknownSagasRelaysAndSecondRebuildsAreRefusedWithProblems() {
        var unknown = admin.post("/api/admin/projections/no-such-thing/replay", null);
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.json().path("name").asText()).isEqualTo("no-such-thing");

        var relay = admin.post("/api/admin/projections/live-feed/replay", null);
        assertThat(relay.status()).isEqualTo(409);
        assertThat(relay.json().path("detail").asText()).contains("consoles");

        String saga = names().stream().filter(n -> n.endsWith("SagaProcessor")).findFirst().orElseThrow();
        var sagas = admin.post("/api/admin/projections/" + saga + "/replay", null);
        assertThat(sagas.status()).isEqualTo(409);
        assertThat(sagas.json().path("detail").asText()).contains("saga");

        assertThat(node.as("operator").post("/api/admin/projections/audit-index/replay", null).status())
                .isEqualTo(403);
        assertThat(node.as("operator").get("/api/admin/projections").status()).isEqualTo(403);

        assertThat(admin.post("/api/admin/projections/audit-index/replay", null).status()).isEqualTo(202);
        var again = admin.post("/api/admin/projections/audit-index/replay", null);
        assertThat(again.status()).as(again.toString()).isEqualTo(409);
        assertThat(again.json().path("detail").asText()).contains("already");
    }

    @Test
    @Order(3)
    void aRebuildCutShortByARestartResumesAndSwitchesOnlyWhenComplete() {
        await().atMost(WAIT).until(() -> projection("audit-index").path("rebuild").path("done").asLong() > 0);
        assertThat(projection("audit-index").path("state").asText()).isEqualTo("REBUILDING");
        node.close();
        MongoDatabase store;
        boot();
        store = node.bean(MongoClient.class).getDatabase("beacon");
        assertThat(projection("audit-index").path("generation").asInt()).isEqualTo(1);
        await().atMost(WAIT).pollInterval(Duration.ofMillis(200))
                .until(() -> projection("audit-index").path("generation").asInt() == 2);
        assertThat(contents(store, "audit_index.g2")).isEqualTo(contents(store, "audit_index")).isNotEmpty();
    }

    private static JsonNode projection(String name) {
        var answer = admin.get("/api/admin/projections");
        assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
        for (JsonNode projection : answer.json()) {
            if (projection.path("name").asText().equals(name)) {
                return projection;
            }
        }
        throw new AssertionError(name + " not listed: " + answer.body());
    }

    private static List<String> names() {
        List<String> names = new ArrayList<>();
        admin.get("/api/admin/projections").json().forEach(p -> names.add(p.path("name").asText()));
        return names;
    }

    private static boolean caughtUp(JsonNode projection) {
        return projection.path("lag").asLong() == 0 && projection.path("position").asLong() > 0;
    }

    /** The board as operators see it: each row's id and status, in the board's order. */
    private static List<String> board() {
        var answer = node.as("operator").get("/api/incidents");
        assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
        List<String> rows = new ArrayList<>();
        answer.json().forEach(row -> rows.add(row.path("id").asText() + " " + row.path("status").asText()));
        return rows;
    }

    /** A collection's documents by id, without the positions each applied (those depend on how batches fell). */
    private static Map<Object, Document> contents(MongoDatabase store, String collection) {
        Map<Object, Document> documents = new TreeMap<>(Comparator.comparing(Object::toString));
        for (Document document : store.getCollection(collection).find()) {
            document.remove("_applied");
            documents.put(document.get("_id"), document);
        }
        return documents;
    }

    private static List<String> collections(MongoDatabase store) {
        return store.listCollectionNames().into(new ArrayList<>());
    }
}
