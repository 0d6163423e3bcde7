package city.beacon.infra.outage;

import city.beacon.infra.eventstore.QuietLogs;
import city.beacon.infra.support.BeaconNode;
import city.beacon.infra.support.EventCount;
import city.beacon.infra.support.Http;
import city.beacon.infra.support.RefusedReports;
import city.beacon.infra.support.Reports;
import city.beacon.infra.support.Scrape;
import city.beacon.infra.support.StompProbe;
import city.beacon.infra.support.StoreProcess;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
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
 * The shared store (a process of its own) refuses every write, as when its disk is full, while a node keeps working
 * against it; then space returns. While it refuses, commands are answered 503 with the reason at once, nothing is
 * half-written (no event, no incident number), reads go on, readiness is DOWN saying why; once it writes again the
 * node recovers by itself (no restart of either), every acknowledged report is there with its tasks, and read models
 * are complete. The refusal is the store's free-space floor raised above the disk's free space (a real full disk
 * needs root mounts), which is exactly what the store does when the disk itself runs low. Prints the figures.
 */
class StoreDiskFullIT {
    private static final String NO_SPACE = "the event store refused the write: no space left on its disk";
    /** Above any disk's free space. */
    private static final long FULL = Long.MAX_VALUE / 2;

    @TempDir
    Path directory;

    @Test
    void commandsAreRefusedWithTheReasonWhileTheDiskIsFullAndNothingAcknowledgedIsLostWhenSpaceReturns()
            throws Exception {
        QuietLogs.apply();
        var store = new StoreProcess(directory.resolve("store.mv"), StoreProcess.freePort()).start();
        try (store; var node = BeaconNode.start(directory.resolve("node"), "--beacon.mongodb.uri=" + store.uri());
             MongoClient reader = MongoClients.create(store.uri());
             var console = StompProbe.connect(node.baseUrl(), "operator", "operator").subscribe("/topic/status")) {
            console.next(m -> RefusedReports.isStoreStatus(m, "UP"), Duration.ofSeconds(20));
            MongoDatabase database = reader.getDatabase("beacon");
            Http operator = node.as("operator");
            Http admin = node.as("admin");
            List<String> acknowledged = new ArrayList<>();
            List<Long> healthy = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                long start = System.nanoTime();
                String id = report(operator, "Before the disk filled " + i);
                healthy.add((System.nanoTime() - start) / 1_000_000);
                assertThat(operator.post("/api/incidents/" + id + "/confirm", null).status()).isEqualTo(204);
                acknowledged.add(id);
            }
            Collections.sort(healthy);
            int tasksPerReport = await().atMost(Duration.ofSeconds(30))
                    .until(() -> tasksOf(operator, acknowledged.get(0)), n -> n > 0);
            String unconfirmed = report(operator, "Confirmed only after the disk had room again");
            // The last two are still being worked on (response plan, read models) when the disk fills up.
            acknowledged.add(reportAndConfirm(operator, "Just before the disk filled 1"));
            acknowledged.add(reportAndConfirm(operator, "Just before the disk filled 2"));

            store.minFreeSpace(FULL);
            long filled = System.nanoTime();
            var first = operator.post("/api/incidents", Reports.gasLeak("The first one refused"));
            long firstRefusal = (System.nanoTime() - filled) / 1_000_000;
            assertRefusedForWantOfSpace(first);
            var readiness = await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(50)).until(
                    () -> admin.get("/actuator/health/readiness"), r -> r.status() == 503);
            long down = (System.nanoTime() - filled) / 1_000_000;
            var numbersBefore = database.getCollection("incident_number_claims").countDocuments();
            var eventsBefore = EventCount.of(database);

            var banner = console.next(m -> RefusedReports.isStoreStatus(m, "REFUSING_WRITES"), Duration.ofSeconds(10));
            assertThat(banner.path("payload").path("reason").asText()).as("what the console's banner says")
                    .startsWith(NO_SPACE);

            List<Long> refusals = RefusedReports.sendAll(operator, 24, 4, "While the disk was full",
                    StoreDiskFullIT::assertRefusedForWantOfSpace);
            Collections.sort(refusals);
            var confirm = operator.post("/api/incidents/" + unconfirmed + "/confirm", null);
            assertRefusedForWantOfSpace(confirm);
            assertThat(operator.get("/api/incidents/" + acknowledged.get(0)).status()).as("reads go on").isEqualTo(200);
            readiness = admin.get("/actuator/health/readiness");

            var storeHealth = readiness.json().path("components").path("store");
            assertThat(storeHealth.path("status").asText()).isEqualTo("DOWN");
            assertThat(storeHealth.path("details").path("reason").asText()).startsWith(NO_SPACE)
                    .contains("below its floor");
            assertThat(admin.get("/actuator/health/liveness").status()).isEqualTo(200);
            var scrape = new Scrape(admin.get("/actuator/prometheus").body());
            assertThat(scrape.valueOf("beacon_store_accepting_writes", Map.of())).isZero();
            assertThat(scrape.valueOf("beacon_store_reachable", Map.of())).isEqualTo(1);
            assertThat(scrape.valueOf("beacon_commands_seconds_count", Map.of("command", "ReportIncidentCommand",
                    "outcome", "store_unavailable"))).isGreaterThanOrEqualTo(refusals.size());
            assertThat(EventCount.of(database)).as("no event and no position written while refused")
                    .isEqualTo(eventsBefore);
            assertThat(database.getCollection("incident_number_claims").countDocuments())
                    .as("no incident number consumed while refused").isEqualTo(numbersBefore);
            System.out.printf("STORE DISK FULL: report p50 %d ms while healthy (one client); first report refused "
                    + "with 503 %d ms after the floor rose, readiness DOWN after %d ms; %d more from 4 clients at once, "
                    + "p50 %d ms, max %d ms%n", healthy.get(healthy.size() / 2), firstRefusal, down, refusals.size(),
                    refusals.get(refusals.size() / 2), refusals.get(refusals.size() - 1));

            store.minFreeSpace("1MB");
            long roomAgain = System.nanoTime();
            String after = await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(50))
                    .until(() -> reportOrNull(operator, "After the disk had room again"), id -> id != null);
            long recovered = (System.nanoTime() - roomAgain) / 1_000_000;
            assertThat(operator.post("/api/incidents/" + after + "/confirm", null).status()).isEqualTo(204);
            assertThat(operator.post("/api/incidents/" + unconfirmed + "/confirm", null).status()).isEqualTo(204);
            acknowledged.add(after);
            acknowledged.add(unconfirmed);

            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                var health = admin.get("/actuator/health/readiness");
                assertThat(health.status()).as(health.body()).isEqualTo(200);
            });
            long ready = (System.nanoTime() - roomAgain) / 1_000_000;
            console.next(m -> RefusedReports.isStoreStatus(m, "UP"), Duration.ofSeconds(10));
            // Response plans and read models interrupted by the refusal are completed once the store writes again.
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(acknowledged.stream()
                    .map(id -> tasksOf(operator, id)).toList()).as("tasks per acknowledged report")
                    .allMatch(tasks -> tasks == tasksPerReport));
            long complete = (System.nanoTime() - roomAgain) / 1_000_000;
            System.out.printf("STORE DISK FULL: first command accepted %d ms after the floor fell; ready after %d ms; "
                    + "every acknowledged report complete (read model and tasks) after %d ms%n", recovered, ready,
                    complete);

            var board = operator.get("/api/incidents");
            for (String id : acknowledged) {
                assertThat(board.body()).as("board after recovery").contains(id);
            }
            assertThat(database.getCollection("incident_number_claims").countDocuments())
                    .as("one incident number per report acknowledged, none for the refused ones")
                    .isEqualTo(acknowledged.size());
        }
    }

    private static void assertRefusedForWantOfSpace(Http.Response response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(503);
        assertThat(response.json().path("type").asText()).endsWith("store-unavailable");
        assertThat(response.json().path("reason").asText()).isEqualTo(NO_SPACE);
    }

    private static String report(Http operator, String summary) {
        var created = operator.post("/api/incidents", Reports.gasLeak(summary));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.json().get("id").asText();
    }

    private static String reportAndConfirm(Http operator, String summary) {
        String id = report(operator, summary);
        assertThat(operator.post("/api/incidents/" + id + "/confirm", null).status()).isEqualTo(204);
        return id;
    }

    private static int tasksOf(Http operator, String incident) {
        var response = operator.get("/api/incidents/" + incident);
        return response.status() == 200 ? response.json().path("tasks").size() : -1;
    }

    private static String reportOrNull(Http operator, String summary) {
        var created = operator.post("/api/incidents", Reports.gasLeak(summary));
        return created.status() == 201 ? created.json().get("id").asText() : null;
    }
}
