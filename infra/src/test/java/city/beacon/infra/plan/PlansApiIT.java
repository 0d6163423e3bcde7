package city.beacon.infra.plan;

import city.beacon.infra.support.BeaconNode;
import city.beacon.infra.support.Http;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code GET /api/plans} through the whole node: the query bus, the query handler in infra, the controller. */
class PlansApiIT {

    @Test
    void anySignedInUserReadsThePlansInForce(@TempDir Path data) {
        try (var node = BeaconNode.start(data)) {
            var response = node.as("fire").get("/api/plans");
            assertThat(response.status()).as(response.toString()).isEqualTo(200);
            var plans = response.json();
            assertThat(plans.size()).isEqualTo(11 * 5);

            JsonNode severeGasLeak = StreamSupport.stream(plans.spliterator(), false)
                    .filter(plan -> plan.get("id").asText().equals("GAS_LEAK/SEVERE")).findFirst().orElseThrow();
            assertThat(severeGasLeak.get("version").asInt()).isEqualTo(1);
            assertThat(severeGasLeak.get("lines").size()).isEqualTo(6);
            var first = severeGasLeak.get("lines").get(0);
            assertThat(first.get("department").asText()).isEqualTo("GAS_UTILITY");
            assertThat(first.get("action").asText()).isEqualTo("Isolate the segment and repair");
            assertThat(first.get("acknowledgeWithin").asText()).isEqualTo("PT2M");
            assertThat(first.get("backup").asText()).isEqualTo("PUBLIC_WORKS");
            assertThat(first.get("escalation").toString())
                    .isEqualTo("[\"RENOTIFY\",\"DUTY_SUPERVISOR\",\"BACKUP_DEPARTMENT\",\"RAISE_SEVERITY\"]");

            assertThat(new Http(node.baseUrl(), "fire", "wrong").get("/api/plans").status()).isEqualTo(401);
        }
    }
}
