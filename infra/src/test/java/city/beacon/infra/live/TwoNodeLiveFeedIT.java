package city.beacon.infra.live;

import city.beacon.infra.store.EmbeddedStore;
import city.beacon.infra.support.BeaconNode;
import city.beacon.infra.support.Reports;
import city.beacon.infra.support.StompProbe;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** Two Beacon nodes on one shared store: a console on one node sees what an operator did on the other. */
class TwoNodeLiveFeedIT {

    @Test
    void aChangeMadeOnOneNodeReachesConsolesOnTheOther(@TempDir Path data) throws Exception {
        try (var store = EmbeddedStore.start(data.resolve("shared.mv"), "127.0.0.1", 0);
             var first = BeaconNode.start(data.resolve("first"), "--beacon.mongodb.uri=" + store.connectionString());
             var second = BeaconNode.start(data.resolve("second"), "--beacon.mongodb.uri=" + store.connectionString());
             var wall = StompProbe.connect(second.baseUrl(), "auditor", "auditor").subscribe("/topic/board")) {
            wall.next(m -> "SNAPSHOT".equals(m.path("kind").asText()), Duration.ofSeconds(15));

            var created = first.as("operator").post("/api/incidents", Reports.gasLeak("Reported on the first node"));
            assertThat(created.status()).isEqualTo(201);
            var id = created.json().get("id").asText();
            var seen = wall.next(m -> id.equals(m.path("payload").path("row").path("id").asText()), Duration.ofSeconds(20));
            assertThat(seen.path("payload").path("row").path("summary").asText()).isEqualTo("Reported on the first node");

            assertThat(second.as("operator").post("/api/incidents/" + id + "/confirm", null).status()).isEqualTo(204);
            wall.next(m -> id.equals(m.path("payload").path("row").path("id").asText())
                    && "CONFIRMED".equals(m.path("payload").path("row").path("status").asText()), Duration.ofSeconds(20));
        }
    }
}
