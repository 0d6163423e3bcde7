package city.beacon.infra.cap;

import city.beacon.infra.support.BeaconNode;
import city.beacon.infra.support.Http;
import city.beacon.infra.support.KeyedHttp;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.time.Duration;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** CAP over HTTP: warnings out (schema-valid, Alert → Update → Cancel), alerts in, and every refusal. */
class CapApiTest {
    static final String ALERTS = "/api/cap/alerts";
    static final String XML = "application/cap+xml";
    private static BeaconNode node;
    private static Http operator;
    private static KeyedHttp agency;
    private static final CapCodec CODEC = new CapCodec();

    @BeforeAll
    static void start() throws Exception {
        node = BeaconNode.start(Files.createTempDirectory("beacon-cap"));
        operator = node.as("operator");
        agency = new KeyedHttp(node.baseUrl(), "demo-cap-key");
    }

    @AfterAll
    static void stop() {
        node.close();
    }

    static String report(String summary) {
        var created = operator.post("/api/incidents", """
                {"type":"GAS_LEAK","severity":"SEVERE","urgency":"IMMEDIATE","certainty":"OBSERVED",
                 "location":{"lat":31.2336,"lon":121.47,"address":"Nanjing Road West 120, Huangpu",
                             "area":{"radiusMeters":200}},
                 "summary":"%s","drill":false}""".formatted(summary));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.json().path("id").asText();
    }

    @Test
    void warningsGoOutAsAlertThenUpdateThenCancelEachSchemaValid() {
        var id = report("Gas main pressure 45 % below normal");
        var preview = awaitCap(id, xml -> xml.contains(".preview<"));   // none issued yet: a preview
        assertThat(CODEC.read(preview).getMsgType().value()).isEqualTo("Alert");

        var first = operator.post("/api/incidents/" + id + "/warnings", null);
        assertThat(first.status()).as(first.toString()).isEqualTo(201);
        var w1 = first.json().path("identifier").asText();
        var alert = awaitCap(id, xml -> xml.contains(w1));
        assertThat(alert).contains("<msgType>Alert</msgType>").contains("<status>Actual</status>")
                .contains("<responseType>Evacuate</responseType>").contains("<circle>31.2336,121.47 0.2</circle>");
        assertThat(node.as("auditor").post("/api/incidents/" + id + "/warnings", null).status()).isEqualTo(403);

        var w2 = operator.post("/api/incidents/" + id + "/warnings", null).json().path("identifier").asText();
        var update = awaitCap(id, xml -> xml.contains(w2));
        assertThat(update).contains("<msgType>Update</msgType>").contains("<references>").contains("," + w1 + ",");

        assertThat(operator.post("/api/incidents/" + id + "/cancel", "{\"reason\":\"sensor fault\"}").status())
                .isEqualTo(204);
        var w3 = operator.post("/api/incidents/" + id + "/warnings", null).json().path("identifier").asText();
        var cancel = awaitCap(id, xml -> xml.contains(w3));
        assertThat(cancel).contains("<msgType>Cancel</msgType>").contains("<responseType>AllClear</responseType>");
        assertThat(operator.post("/api/incidents/" + id + "/warnings", null).status()).isEqualTo(409);
        var timeline = operator.get("/api/incidents/" + id).json().path("timeline").toString();
        assertThat(timeline).contains("Public warning issued (CAP ALERT " + w1 + ")");
    }

    @Test
    void anExportedAlertImportedAgainGivesTheSameIncidentFacts() {
        var id = report("Smell of gas at the corner, pressure dropping");
        operator.post("/api/incidents/" + id + "/warnings", null);
        var exported = awaitCap(id, xml -> xml.contains("<msgType>Alert</msgType>") && !xml.contains(".preview"));

        var imported = agency.post(ALERTS, exported, XML);
        assertThat(imported.status()).as(imported.toString()).isEqualTo(201);
        var copy = imported.json().path("incidentId").asText();
        var original = operator.get("/api/incidents/" + id).json();
        var received = awaitIncident(copy, incident -> true);
        for (var fact : new String[]{"type", "severity", "urgency", "certainty", "location", "summary", "drill"}) {
            assertThat(received.path(fact)).as(fact).isEqualTo(original.path(fact));
        }
        assertThat(received.path("source").path("kind").asText()).isEqualTo("EXTERNAL_ALERT");
        assertThat(received.path("source").path("reference").asText())
                .isEqualTo(CODEC.read(exported).getIdentifier());

        var again = agency.post(ALERTS, exported, XML);
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.contentType()).contains("application/problem+json");
    }

    @Test
    void anAgencyAlertOpensAnIncidentItsUpdateChangesAndItsCancelEnds() {
        var created = agency.post(ALERTS, CapSamples.flood("wb-2026-001", "Alert", null, "Expected"), XML);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        var id = created.json().path("incidentId").asText();
        var incident = awaitIncident(id, i -> true);
        assertThat(incident.path("type").asText()).isEqualTo("FLOOD");
        assertThat(incident.path("severity").asText()).isEqualTo("SEVERE");
        assertThat(incident.path("location").path("area").path("radiusMeters").asDouble()).isEqualTo(1500.0);

        var reference = "weather-bureau@demo-city.example,wb-2026-001,2026-11-28T16:00:00+08:00";
        var update = agency.post(ALERTS, CapSamples.flood("wb-2026-002", "Update", reference, "Immediate"), XML);
        assertThat(update.status()).as(update.toString()).isEqualTo(201);
        assertThat(update.json().path("incidentId").asText()).isEqualTo(id);
        awaitIncident(id, i -> "IMMEDIATE".equals(i.path("urgency").asText()));

        var unknownReference = agency.post(ALERTS, CapSamples.flood("wb-2026-003", "Update",
                "weather-bureau@demo-city.example,wb-1999-999,2026-11-28T16:00:00+08:00", "Immediate"), XML);
        assertThat(unknownReference.status()).isEqualTo(400);
        assertThat(unknownReference.body()).contains("references");

        var cancel = agency.post(ALERTS, CapSamples.flood("wb-2026-004", "Cancel", reference, "Past"), XML);
        assertThat(cancel.status()).as(cancel.toString()).isEqualTo(201);
        awaitIncident(id, i -> "CANCELLED".equals(i.path("status").asText()));
    }

    @Test
    void refusalsAreProblemsThatNameTheElement() {
        var invalid = agency.post(ALERTS, CapSamples.flood("wb-bad-1", "Alert", null, "Soon"), XML);
        assertThat(invalid.status()).isEqualTo(400);
        assertThat(invalid.contentType()).contains("application/problem+json");
        assertThat(invalid.body()).contains("\"field\":\"info/urgency\"");

        var notXml = agency.post(ALERTS, "<alert>", XML);
        assertThat(notXml.status()).isEqualTo(400);

        var xxe = agency.post(ALERTS, CapSamples.xxe(), XML);
        assertThat(xxe.status()).isEqualTo(400);
        assertThat(xxe.body()).doesNotContain("root:");

        var unknownSender = new KeyedHttp(node.baseUrl(), "not-a-key")
                .post(ALERTS, CapSamples.flood("wb-x", "Alert", null, "Expected"), XML);
        assertThat(unknownSender.status()).isEqualTo(401);
        assertThat(new KeyedHttp(node.baseUrl(), null)
                .post(ALERTS, CapSamples.flood("wb-y", "Alert", null, "Expected"), XML).status()).isEqualTo(401);

        var cap11 = agency.post(ALERTS, CapSamples.flood("wb-11-1", "Alert", null, "Expected")
                .replace("emergency:cap:1.2", "emergency:cap:1.1"), XML);
        assertThat(cap11.status()).as(cap11.toString()).isEqualTo(201);
    }

    private static String awaitCap(String id, Predicate<String> condition) {
        var seen = new String[1];
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(200)).until(() -> {
            var response = operator.get("/api/incidents/" + id + "/cap");
            seen[0] = response.body();
            return response.status() == 200 && condition.test(seen[0]);
        });
        CODEC.read(seen[0]);   // schema-valid, or this throws
        return seen[0];
    }

    private static JsonNode awaitIncident(String id, Predicate<JsonNode> condition) {
        var seen = new JsonNode[1];
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(200)).until(() -> {
            var response = operator.get("/api/incidents/" + id);
            seen[0] = response.status() == 200 ? response.json() : null;
            return seen[0] != null && condition.test(seen[0]);
        });
        return seen[0];
    }
}
