package city.beacon.infra.incident;

import city.beacon.infra.support.BeaconNode;
import city.beacon.infra.support.Reports;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** What an operator relies on most: what was reported is still there after Beacon restarts. */
class IncidentSurvivesRestartIT {

    @Test
    void aReportedAndConfirmedIncidentIsReadBackAfterARestart(@TempDir Path data) {
        String id;
        String number;
        try (var node = BeaconNode.start(data)) {
            var operator = node.as("operator");
            var created = operator.post("/api/incidents", Reports.gasLeak("Gas main pressure drop"));
            assertThat(created.status()).as(created.toString()).isEqualTo(201);
            id = created.json().get("id").asText();
            number = created.json().get("number").asText();
            assertThat(created.location()).isEqualTo("/api/incidents/" + id);
            assertThat(number).matches("\\d{8}-0001");

            assertThat(operator.post("/api/incidents/" + id + "/confirm", null).status()).isEqualTo(204);
            await().atMost(Duration.ofSeconds(10)).until(
                    () -> "CONFIRMED".equals(operator.get("/api/incidents/" + id).json().path("status").asText()));
        }

        try (var node = BeaconNode.start(data)) {
            var auditor = node.as("auditor");
            var incident = auditor.get("/api/incidents/" + id);
            assertThat(incident.status()).isEqualTo(200);
            assertThat(incident.json().get("number").asText()).isEqualTo(number);
            assertThat(incident.json().get("status").asText()).isEqualTo("CONFIRMED");
            assertThat(incident.json().get("summary").asText()).isEqualTo("Gas main pressure drop");
            assertThat(incident.json().get("reportedBy").asText()).isEqualTo("operator");

            // The command side reloads the aggregate from the store too, and the day's numbering carries on.
            var operator = node.as("operator");
            assertThat(operator.post("/api/incidents/" + id + "/contain", null).status()).isEqualTo(204);
            var next = operator.post("/api/incidents", Reports.gasLeak("Second report")).json().get("number").asText();
            if (next.startsWith(number.substring(0, 9))) {   // unless the city's midnight fell in between
                assertThat(next).isEqualTo(number.substring(0, 9) + "0002");
            }
        }
    }
}
