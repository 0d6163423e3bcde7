package city.beacon.infra.sensor;

import city.beacon.infra.support.BeaconNode;
import city.beacon.infra.support.Http;
import city.beacon.infra.support.KeyedHttp;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The readings endpoint and the sensor registry over HTTP, on the demo profile's sensors. */
class SensorReadingsApiIT {
    static final String READINGS = "/api/sensors/readings";
    private static BeaconNode node;
    private static KeyedHttp gateway;
    private static Http operator;

    @BeforeAll
    static void start() throws Exception {
        node = BeaconNode.start(Files.createTempDirectory("beacon-sensors"));
        gateway = new KeyedHttp(node.baseUrl(), "demo-sensor-key");
        operator = node.as("operator");
        awaitSensor("GP-0101");
    }

    @AfterAll
    static void stop() {
        node.close();
    }

    @Test
    void everyReadingGetsItsOwnResultAndBadOnesNeverDiscardTheGoodOnes() {
        var t0 = Instant.now().minusSeconds(60).truncatedTo(ChronoUnit.MILLIS);
        var batch = "[" + String.join(",",
                reading("GP-0102", "0.40", "MPa", t0),                       // 0 accepted
                reading("NO-SUCH", "0.40", "MPa", t0),                       // 1 unknown sensor
                reading("GP-0102", "\"NaN\"", "MPa", t0.plusSeconds(1)),     // 2 not a number
                reading("GP-0102", "5.0", "MPa", t0.plusSeconds(2)),         // 3 out of physical range
                reading("GP-0102", "0.40", "MPa", Instant.now().plusSeconds(3600)),   // 4 in the future
                reading("GP-0102", "0.40", "bar", t0.plusSeconds(3)),        // 5 unit mismatch
                "{\"sensorId\":\"GP-0102\",\"value\":0.4,\"unit\":\"MPa\"}",   // 6 malformed: no time
                reading("GP-0102", "0.41", "MPa", t0),                       // 7 duplicate of 0
                reading("GP-0102", "0.41", "MPa", t0.plusSeconds(4))) + "]"; // 8 accepted
        var response = gateway.postJson(READINGS, batch);
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        var results = response.json().path("results");
        assertThat(results).hasSize(9);
        assertThat(reasons(results)).containsExactly("ACCEPTED", "UNKNOWN_SENSOR", "NOT_A_NUMBER",
                "OUT_OF_PHYSICAL_RANGE", "IN_THE_FUTURE", "UNIT_MISMATCH", "MALFORMED", "DUPLICATE", "ACCEPTED");
        assertThat(response.json().path("accepted").asInt()).isEqualTo(2);
        assertThat(history("GP-0102")).hasSize(2);

        var again = gateway.postJson(READINGS, batch);
        assertThat(again.json().path("accepted").asInt()).isZero();
        assertThat(reasons(again.json().path("results")).get(0)).isEqualTo("DUPLICATE");
        assertThat(history("GP-0102")).hasSize(2);
    }

    @Test
    void aBreachRaisesOneAlarmAndBackToNormalClearsIt() {
        var t0 = Instant.now().minusSeconds(120).truncatedTo(ChronoUnit.MILLIS);
        var readings = new ArrayList<String>();
        for (int i = 0; i < 10; i++) {   // inside WP-0301's normal band (0.25 … 0.35 MPa; low threshold 0.15)
            readings.add(reading("WP-0301", String.valueOf(0.30 - i * 0.001), "MPa", t0.plusSeconds(i)));
        }
        assertThat(gateway.postJson(READINGS, "[" + String.join(",", readings) + "]").status()).isEqualTo(200);
        gateway.postJson(READINGS, "[" + reading("WP-0301", "0.10", "MPa", t0.plusSeconds(20)) + "]");
        await().atMost(Duration.ofSeconds(20)).until(() -> sensor("WP-0301").path("inAlarm").asBoolean());
        gateway.postJson(READINGS, "[" + reading("WP-0301", "0.30", "MPa", t0.plusSeconds(40)) + "]");
        await().atMost(Duration.ofSeconds(20)).until(() -> !sensor("WP-0301").path("inAlarm").asBoolean());
    }

    @Test
    void gatewaysNeedTheirKey() {
        var body = "[" + reading("GP-0101", "0.4", "MPa", Instant.now()) + "]";
        assertThat(new KeyedHttp(node.baseUrl(), null).postJson(READINGS, body).status()).isEqualTo(401);
        var wrong = new KeyedHttp(node.baseUrl(), "demo-sensor-kez").postJson(READINGS, body);
        assertThat(wrong.status()).isEqualTo(401);
        assertThat(wrong.contentType()).contains("application/problem+json");
        assertThat(operator.post(READINGS, body).status()).isEqualTo(401);
    }

    @Test
    void notAnArrayIsABadRequest() {
        var response = gateway.postJson(READINGS, "{\"sensorId\":\"GP-0101\"}");
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.contentType()).contains("application/problem+json");
    }

    @Test
    void administratorsRegisterSensorsAndOthersMayNot() {
        var sensor = """
                {"id":"GP-9001","kind":"GAS_PRESSURE","name":"Test main","lat":31.24,"lon":121.48,
                 "department":"GAS_UTILITY","unit":"MPa","physical":{"min":0,"max":1.6},
                 "normal":{"min":0.38,"max":0.42},"alarm":{"low":%s},"incidentType":"GAS_LEAK",
                 "automaticAction":"Close valve V-9001","silentAfter":"PT10M"}""";
        assertThat(operator.post("/api/admin/sensors", sensor.formatted("0.32")).status()).isEqualTo(403);
        var invalid = node.as("admin").post("/api/admin/sensors", sensor.formatted("0.40"));
        assertThat(invalid.status()).isEqualTo(400);
        assertThat(invalid.body()).contains("alarm.low");
        var missingKind = node.as("admin").post("/api/admin/sensors", sensor.formatted("0.32")
                .replace("\"kind\":\"GAS_PRESSURE\",", ""));
        assertThat(missingKind.status()).isEqualTo(400);
        assertThat(missingKind.body()).contains("kind");
        var created = node.as("admin").post("/api/admin/sensors", sensor.formatted("0.32"));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        awaitSensor("GP-9001");
        var accepted = gateway.postJson(READINGS, "[" + reading("GP-9001", "0.4", "MPa", Instant.now()) + "]");
        assertThat(accepted.json().path("accepted").asInt()).isEqualTo(1);
    }

    static String reading(String sensor, String value, String unit, Instant at) {
        return "{\"sensorId\":\"%s\",\"value\":%s,\"unit\":\"%s\",\"at\":\"%s\"}".formatted(sensor, value, unit, at);
    }

    private static List<String> reasons(JsonNode results) {
        var reasons = new ArrayList<String>();
        results.forEach(r -> reasons.add(r.path("reason").isMissingNode() || r.path("reason").isNull()
                ? r.path("result").asText() : r.path("reason").asText()));
        return reasons;
    }

    private static JsonNode history(String sensor) {
        return operator.get("/api/sensors/" + sensor + "/readings").json();
    }

    private static JsonNode sensor(String id) {
        var response = operator.get("/api/sensors/" + id);
        return response.status() == 200 ? response.json() : com.fasterxml.jackson.databind.node.MissingNode.getInstance();
    }

    static void awaitSensor(String id) {
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                .until(() -> node.as("operator").get("/api/sensors/" + id).status() == 200);
    }
}
