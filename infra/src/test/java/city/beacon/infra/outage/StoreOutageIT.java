package city.beacon.infra.outage;

import city.beacon.infra.eventstore.QuietLogs;
import city.beacon.infra.support.BeaconNode;
import city.beacon.infra.support.Http;
import city.beacon.infra.support.RefusedReports;
import city.beacon.infra.support.Reports;
import city.beacon.infra.support.Scrape;
import city.beacon.infra.support.StompProbe;
import city.beacon.infra.support.StoreProcess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The shared store (a process of its own) dies under a node and comes back on the same port and file: while it is
 * gone, commands are refused with 503 within a second and health says why; once it is back, the node recovers by
 * itself, every acknowledged report is there, and consoles get a fresh snapshot. Prints the figures.
 */
class StoreOutageIT {
    private static final Duration FAIL_FAST = Duration.ofSeconds(1);

    @TempDir
    Path directory;

    @Test
    void commandsFailFastWhileTheStoreIsGoneAndNothingAcknowledgedIsLostWhenItReturns() throws Exception {
        QuietLogs.apply();
        var store = new StoreProcess(directory.resolve("store.mv"), StoreProcess.freePort()).start();
        try (store; var node = BeaconNode.start(directory.resolve("node"), "--beacon.mongodb.uri=" + store.uri());
             var console = StompProbe.connect(node.baseUrl(), "operator", "operator")
                     .subscribe("/topic/status").subscribe("/topic/board")) {
            Http operator = node.as("operator");
            console.next(m -> RefusedReports.isStoreStatus(m, "UP"), Duration.ofSeconds(20));
            List<String> acknowledged = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                var created = operator.post("/api/incidents", Reports.gasLeak("Before the outage " + i));
                assertThat(created.status()).as(created.toString()).isEqualTo(201);
                String id = created.json().get("id").asText();
                assertThat(operator.post("/api/incidents/" + id + "/confirm", null).status()).isEqualTo(204);
                acknowledged.add(id);
            }

            int tasksPerReport = await().atMost(Duration.ofSeconds(20))
                    .until(() -> tasksOf(operator, acknowledged.get(0)), n -> n > 0);

            store.kill();
            List<Long> refusals = RefusedReports.sendAll(operator, 40, 8, "During the outage",
                    StoreOutageIT::assertUnavailable);
            Collections.sort(refusals);
            long p50 = refusals.get(refusals.size() / 2);
            long max = refusals.get(refusals.size() - 1);
            // Beacon's own time for the slowest 503 (the client's figure adds its queueing on a busy machine).
            double serverMax = new Scrape(node.as("admin").get("/actuator/prometheus").body()).valueOf(
                    "http_server_requests_seconds_max", Map.of("method", "POST", "status", "503",
                            "uri", "/api/incidents"));
            System.out.printf("STORE OUTAGE: %d commands refused with 503, client-side p50 %d ms, max %d ms; "
                    + "server-side max %.0f ms%n", refusals.size(), p50, max, serverMax * 1000);
            // The typical refusal is immediate (the circuit is open); the slowest is a command caught in flight by the
            // store's death, bounded by the driver's 750 ms server selection. The bound below leaves room for a
            // machine shared by many builds (measured 1.15 s there at a load average of 40 on 2 cores).
            assertThat(p50).as("median 503, ms").isLessThan(FAIL_FAST.toMillis());
            assertThat(serverMax).as("slowest 503, seconds, as Beacon timed it")
                    .isLessThan(2 * FAIL_FAST.toMillis() / 1000.0);
            assertThat(operator.get("/api/incidents/" + acknowledged.get(0)).status()).isEqualTo(503);

            console.next(m -> RefusedReports.isStoreStatus(m, "DOWN"), Duration.ofSeconds(5));
            var readiness = node.as("admin").get("/actuator/health/readiness");
            assertThat(readiness.status()).isEqualTo(503);
            assertThat(readiness.json().path("components").path("store").path("status").asText()).isEqualTo("DOWN");
            assertThat(readiness.json().path("components").path("store").path("details").path("reason").asText())
                    .contains("unreachable");
            assertThat(node.as("admin").get("/actuator/health/liveness").status()).isEqualTo(200);
            var scrape = new Scrape(node.as("admin").get("/actuator/prometheus").body());
            assertThat(scrape.valueOf("beacon_store_reachable", Map.of())).isZero();
            assertThat(scrape.valueOf("resilience4j_circuitbreaker_state", Map.of("name", "store",
                    "state", "forced_open"))).isEqualTo(1);
            assertThat(scrape.valueOf("beacon_commands_seconds_count", Map.of("command", "ReportIncidentCommand",
                    "outcome", "store_unavailable"))).isGreaterThanOrEqualTo(refusals.size());

            store.start();
            long back = System.nanoTime();
            String after = await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(50))
                    .until(() -> reportOrNull(operator, "After the outage"), id -> id != null);
            long recovered = (System.nanoTime() - back) / 1_000_000;
            assertThat(operator.post("/api/incidents/" + after + "/confirm", null).status()).isEqualTo(204);
            acknowledged.add(after);
            console.next(m -> RefusedReports.isStoreStatus(m, "UP"), Duration.ofSeconds(10));
            // Confirmed reports whose response plan was interrupted by the outage get all their tasks once it is over.
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(acknowledged.stream()
                    .map(id -> tasksOf(operator, id)).toList()).as("tasks per acknowledged report")
                    .allMatch(tasks -> tasks == tasksPerReport));
            long readModels = (System.nanoTime() - back) / 1_000_000;
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                var health = node.as("admin").get("/actuator/health/readiness");
                assertThat(health.status()).as(health.body()).isEqualTo(200);
            });
            long ready = (System.nanoTime() - back) / 1_000_000;
            System.out.printf("STORE OUTAGE: first command accepted %d ms after the store listened again, "
                    + "every acknowledged report complete (read model and tasks) after %d ms, ready after %d ms%n", recovered, readModels, ready);

            var board = operator.get("/api/incidents");
            for (String id : acknowledged) {
                assertThat(board.body()).as("board after recovery").contains(id);
            }
        }
    }

    private static int tasksOf(Http operator, String incident) {
        var response = operator.get("/api/incidents/" + incident);
        return response.status() == 200 ? response.json().path("tasks").size() : -1;
    }

    private static String reportOrNull(Http operator, String summary) {
        var created = operator.post("/api/incidents", Reports.gasLeak(summary));
        return created.status() == 201 ? created.json().get("id").asText() : null;
    }
    private static void assertUnavailable(Http.Response response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(503);
        assertThat(response.json().path("type").asText()).endsWith("store-unavailable");
    }
}
