package city.beacon.infra.metrics;

import city.beacon.infra.support.BeaconNode;
import city.beacon.infra.support.Http;
import city.beacon.infra.support.KeyedHttp;
import city.beacon.infra.support.Reports;
import city.beacon.infra.support.Scrape;
import org.axonframework.config.EventProcessingConfiguration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** What an operations team scrapes and probes, over HTTP against a whole node. */
class MetricsApiIT {
    private static final String PROMETHEUS = "/actuator/prometheus";
    private static BeaconNode node;

    @BeforeAll
    static void start() throws Exception {
        node = BeaconNode.start(Files.createTempDirectory("beacon-metrics"));
    }

    @AfterAll
    static void stop() {
        node.close();
    }

    @Test
    void anAdminScrapeShowsWhatHappenedWithItsLabels() {
        var operator = node.as("operator");
        var created = operator.post("/api/incidents", Reports.gasLeak("Metrics: smell of gas"));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String id = created.json().get("id").asText();
        assertThat(operator.post("/api/incidents/" + id + "/close", null).status()).isEqualTo(409);
        var at = Instant.now().minusSeconds(30).truncatedTo(ChronoUnit.MILLIS);
        var readings = new KeyedHttp(node.baseUrl(), "demo-sensor-key").postJson("/api/sensors/readings",
                "[{\"sensorId\":\"GP-0101\",\"value\":0.4,\"unit\":\"MPa\",\"at\":\"" + at + "\"},"
                        + "{\"sensorId\":\"NO-SUCH\",\"value\":0.4,\"unit\":\"MPa\",\"at\":\"" + at + "\"}]");
        assertThat(readings.status()).isEqualTo(200);
        assertThat(new Http(node.baseUrl(), "operator", "wrong password").get("/api/incidents").status())
                .isEqualTo(401);

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            Scrape scrape = scrapeAsAdmin();
            assertThat(scrape.valueOf("beacon_processor_lag", Map.of("processor", "incident-detail"))).isZero();
        });
        Scrape scrape = scrapeAsAdmin();
        assertThat(scrape.valueOf("beacon_commands_seconds_count",
                Map.of("command", "ReportIncidentCommand", "outcome", "success"))).isGreaterThanOrEqualTo(1);
        assertThat(scrape.valueOf("beacon_commands_seconds_count",
                Map.of("command", "CloseIncidentCommand", "outcome", "rejected"))).isGreaterThanOrEqualTo(1);
        assertThat(scrape.valueOf("beacon_events_appended_total", Map.of("event", "IncidentReportedEvent")))
                .isGreaterThanOrEqualTo(1);
        assertThat(scrape.valueOf("beacon_processor_position", Map.of("processor", "incident-detail")))
                .isGreaterThanOrEqualTo(1);
        assertThat(scrape.valueOf("beacon_processor_running", Map.of("processor", "task-queue"))).isEqualTo(1);
        assertThat(scrape.valueOf("beacon_sensor_readings_total", Map.of("result", "accepted", "reason", "none")))
                .isGreaterThanOrEqualTo(1);
        assertThat(scrape.valueOf("beacon_sensor_readings_total",
                Map.of("result", "rejected", "reason", "unknown_sensor"))).isGreaterThanOrEqualTo(1);
        assertThat(scrape.valueOf("beacon_login_failures_total", Map.of("reason", "bad_credentials")))
                .isGreaterThanOrEqualTo(1);
        assertThat(scrape.valueOf("beacon_live_subscriptions", Map.of("topic", "board"))).isGreaterThanOrEqualTo(0);
        assertThat(scrape.valueOf("beacon_store_reachable", Map.of())).isEqualTo(1);
        assertThat(scrape.valueOf("beacon_deadlines_server_running", Map.of())).isEqualTo(1);
        assertThat(scrape.valueOf("resilience4j_circuitbreaker_state", Map.of("name", "store", "state", "closed")))
                .isEqualTo(1);
        assertThat(scrape.value("jobrunr_jobs_by_state", Map.of("state", "SCHEDULED"))).isPresent();
    }

    @Test
    void aScrapeKeyMayScrapeButNobodyElse() {
        assertThat(get(PROMETHEUS, "X-Api-Key", "demo-scrape-key").statusCode()).isEqualTo(200);
        assertThat(get(PROMETHEUS, "X-Api-Key", "not-the-key").statusCode()).isEqualTo(401);
        assertThat(get(PROMETHEUS, null, null).statusCode()).isEqualTo(401);
        assertThat(node.as("operator").get(PROMETHEUS).status()).isEqualTo(403);
        assertThat(node.as("auditor").get(PROMETHEUS).status()).isEqualTo(403);
        assertThat(node.as("operator").get("/actuator/metrics").status()).isIn(403, 404);
    }

    @Test
    void readinessGoesDownWhileAProcessorIsStoppedAndLivenessStaysUp() {
        await().atMost(Duration.ofSeconds(20)).until(() -> get("/actuator/health/readiness", null, null)
                .statusCode() == 200);
        var kpi = node.bean(EventProcessingConfiguration.class).eventProcessor("kpi").orElseThrow();
        kpi.shutDown();
        try {
            var readiness = get("/actuator/health/readiness", null, null);
            assertThat(readiness.statusCode()).isEqualTo(503);
            assertThat(readiness.body()).contains("\"status\":\"DOWN\"");
            var detailed = node.as("admin").get("/actuator/health/readiness");
            assertThat(detailed.json().path("components").path("processors").path("details").path("reason").asText())
                    .contains("kpi is not running");
            assertThat(get("/actuator/health/liveness", null, null).statusCode()).isEqualTo(200);
        } finally {
            kpi.start();
        }
        await().atMost(Duration.ofSeconds(20)).until(() -> get("/actuator/health/readiness", null, null)
                .statusCode() == 200);
    }

    private static Scrape scrapeAsAdmin() {
        var response = node.as("admin").get(PROMETHEUS);
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return new Scrape(response.body());
    }

    private static HttpResponse<String> get(String path, String header, String value) {
        var request = HttpRequest.newBuilder(URI.create(node.baseUrl() + path)).timeout(Duration.ofSeconds(10));
        if (header != null) {
            request.header(header, value);
        }
        try {
            return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
