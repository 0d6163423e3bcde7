package city.beacon.infra.sensor;

import city.beacon.infra.support.BeaconNode;
import city.beacon.infra.support.KeyedHttp;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static city.beacon.infra.sensor.SensorReadingsApiIT.reading;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * An alarm storm: a leak drops the pressure on 20 gas sensors within a few hundred metres, and their gateways send
 * 500 readings in five concurrent batches. Twenty alarms are raised, and they make ONE incident: the first opens
 * it, the other nineteen join it (a note and a link each).
 */
class AlarmStormIT {
    private static final int SENSORS = 20;

    @Test
    void fiveHundredReadingsFromTwentySensorsAroundOneLeakMakeOneIncident(@TempDir Path data) throws Exception {
        try (var node = BeaconNode.start(data)) {
            var admin = node.as("admin");
            for (int i = 0; i < SENSORS; i++) {   // a 5 × 4 grid, 50 m apart, south-west of People's Square
                double lat = 31.2200 + (i / 4) * 0.00045;
                double lon = 121.4600 + (i % 4) * 0.00052;
                var created = admin.post("/api/admin/sensors", """
                        {"id":"ST-%02d","kind":"GAS_PRESSURE","name":"Storm main %d","lat":%s,"lon":%s,
                         "department":"GAS_UTILITY","unit":"MPa","physical":{"min":0,"max":1.6},
                         "normal":{"min":0.38,"max":0.42},"alarm":{"low":0.32},"incidentType":"GAS_LEAK"}"""
                        .formatted(i, i, lat, lon));
                assertThat(created.status()).as(created.toString()).isEqualTo(201);
            }
            var operator = node.as("operator");
            await().atMost(Duration.ofSeconds(30)).until(() -> operator.get("/api/sensors").json().size() >= SENSORS);

            var gateway = new KeyedHttp(node.baseUrl(), "demo-sensor-key");
            var t0 = Instant.now().minusSeconds(600).truncatedTo(ChronoUnit.SECONDS);
            var pool = Executors.newFixedThreadPool(5);
            var sent = new ArrayList<Future<Integer>>();
            for (int batch = 0; batch < 5; batch++) {
                var readings = new ArrayList<String>();
                for (int n = 0; n < 100; n++) {   // each batch: 5 readings of each of the 20 sensors
                    int sensor = n % SENSORS;
                    int step = batch * 5 + n / SENSORS;
                    readings.add(reading("ST-%02d".formatted(sensor), String.valueOf(0.21 - step * 0.001), "MPa",
                            t0.plusSeconds(step)));
                }
                var body = "[" + String.join(",", readings) + "]";
                sent.add(pool.submit(() -> gateway.postJson("/api/sensors/readings", body).json().path("accepted").asInt()));
            }
            int accepted = 0;
            for (var future : sent) {
                accepted += future.get();
            }
            pool.shutdown();
            assertThat(accepted).isEqualTo(500);

            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(300)).until(() ->
                    linkedIncidents(operator.get("/api/sensors").json()).size() == 1
                            && linkedCount(operator.get("/api/sensors").json()) == SENSORS);
            var incidentId = linkedIncidents(operator.get("/api/sensors").json()).iterator().next();
            await().atMost(Duration.ofSeconds(20)).until(() ->
                    sensorIncidents(operator.get("/api/incidents").json()).contains(incidentId));
            assertThat(sensorIncidents(operator.get("/api/incidents").json())).containsExactly(incidentId);

            var incident = operator.get("/api/incidents/" + incidentId).json();
            assertThat(incident.path("source").path("kind").asText()).isEqualTo("SENSOR");
            assertThat(incident.path("severity").asText()).isEqualTo("SEVERE");   // 0.21 against 0.40: 48 % below
            await().atMost(Duration.ofSeconds(20)).until(() -> timeline(operator.get("/api/incidents/" + incidentId)
                    .json()).stream().filter(line -> line.contains("Alarm joined")).count() == SENSORS - 1);
        }
    }

    private static HashSet<String> linkedIncidents(JsonNode sensors) {
        var ids = new HashSet<String>();
        sensors.forEach(s -> {
            if (s.path("id").asText().startsWith("ST-") && s.hasNonNull("incidentId")) {
                ids.add(s.path("incidentId").asText());
            }
        });
        return ids;
    }

    private static long linkedCount(JsonNode sensors) {
        var count = 0L;
        for (var s : sensors) {
            if (s.path("id").asText().startsWith("ST-") && s.hasNonNull("incidentId") && s.path("inAlarm").asBoolean()) {
                count++;
            }
        }
        return count;
    }

    private static List<String> sensorIncidents(JsonNode board) {
        var ids = new ArrayList<String>();
        board.forEach(row -> {
            if ("GAS_LEAK".equals(row.path("type").asText())) {
                ids.add(row.path("id").asText());
            }
        });
        return ids;
    }

    private static List<String> timeline(JsonNode incident) {
        var lines = new ArrayList<String>();
        incident.path("timeline").forEach(line -> lines.add(line.path("text").asText()));
        return lines;
    }
}
