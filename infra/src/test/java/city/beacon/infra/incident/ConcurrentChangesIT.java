package city.beacon.infra.incident;

import city.beacon.infra.store.EmbeddedStore;
import city.beacon.infra.support.BeaconNode;
import city.beacon.infra.support.Reports;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two nodes change one incident at the same moment. Each node locks the incident only for its own threads, so the
 * store's optimistic concurrency check decides, and the command gateway retries the loser: nobody's change is lost
 * and nobody gets an error for it.
 */
class ConcurrentChangesIT {

    @Test
    void notesAddedToOneIncidentFromTwoNodesAtOnceAllSucceed(@TempDir Path data) throws Exception {
        try (var store = EmbeddedStore.start(data.resolve("shared.mv"), "127.0.0.1", 0);
             var first = BeaconNode.start(data.resolve("first"), "--beacon.mongodb.uri=" + store.connectionString());
             var second = BeaconNode.start(data.resolve("second"), "--beacon.mongodb.uri=" + store.connectionString())) {
            var id = first.as("operator").post("/api/incidents", Reports.gasLeak("Busy incident")).json()
                    .get("id").asText();
            var pool = Executors.newFixedThreadPool(8);
            List<Future<Integer>> answers = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                var node = i % 2 == 0 ? first : second;
                var note = "{\"text\":\"note " + i + "\"}";
                answers.add(pool.submit((Callable<Integer>) () ->
                        node.as("operator").post("/api/incidents/" + id + "/notes", note).status()));
            }
            for (var answer : answers) {
                assertThat(answer.get()).isEqualTo(204);
            }
            pool.shutdown();
            await().atMost(Duration.ofSeconds(20)).until(() -> {
                var timeline = second.as("auditor").get("/api/incidents/" + id).json().path("timeline");
                return timeline.size() == 41;
            });
        }
    }
}
