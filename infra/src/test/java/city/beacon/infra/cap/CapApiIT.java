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
class CapApiIT {
    static final String ALERTS = "/api/cap/alerts";
    static final String XML = "application/cap+xml";
    private static BeaconNode node;
    private static Http operator;
    private static KeyedHttp agency;
    private static KeyedHttp otherAgency;
    static final String BUREAU = "weather-bureau@demo-city.example";
    private static final CapCodec CODEC = new CapCodec();

    @BeforeAll
    static void start() throws Exception {
        node = BeaconNode.start(Files.createTempDirectory("beacon-cap"),
                "--beacon.cap.trusted-senders.other-agency.api-key=other-cap-key",
                "--beacon.cap.linked-senders[flood-office@demo-city.example]=" + BUREAU);
        operator = node.as("operator");
        agency = new KeyedHttp(node.baseUrl(), "demo-cap-key");
        otherAgency = new KeyedHttp(node.baseUrl(), "other-cap-key");
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
    void anotherBeaconsExportImportedGivesTheSameIncidentFactsOnceAndOurOwnExportNothingNew() {
        var id = report("Smell of gas at the corner, pressure dropping");
        operator.post("/api/incidents/" + id + "/warnings", null);
        var exported = awaitCap(id, xml -> xml.contains("<msgType>Alert</msgType>") && !xml.contains(".preview"));
        var ours = CODEC.read(exported).getSender();
        var fromNeighbour = exported.replace(ours, "beacon@neighbour-city.example");

        var imported = agency.post(ALERTS, fromNeighbour, XML);
        assertThat(imported.status()).as(imported.toString()).isEqualTo(201);
        assertThat(imported.json().path("outcome").asText()).isEqualTo("CREATED");
        var copy = imported.json().path("incidentId").asText();
        var original = operator.get("/api/incidents/" + id).json();
        var received = awaitIncident(copy, incident -> true);
        for (var fact : new String[]{"type", "severity", "urgency", "certainty", "location", "summary", "drill"}) {
            assertThat(received.path(fact)).as(fact).isEqualTo(original.path(fact));
        }
        assertThat(received.path("source").path("kind").asText()).isEqualTo("EXTERNAL_ALERT");
        assertThat(received.path("source").path("reference").asText())
                .isEqualTo(CODEC.read(exported).getIdentifier());
        assertThat(received.path("source").path("externalEvent").asText()).isEqualTo("Gas leak");

        var before = incidentCount();
        var again = agency.post(ALERTS, fromNeighbour, XML);
        assertThat(again.status()).as(again.toString()).isEqualTo(200);
        assertThat(again.json().path("outcome").asText()).isEqualTo("ALREADY_RECEIVED");
        assertThat(again.json().path("incidentId").asText()).isEqualTo(copy);

        var own = agency.post(ALERTS, exported, XML);
        assertThat(own.status()).as(own.toString()).isEqualTo(200);
        assertThat(own.json().path("outcome").asText()).isEqualTo("OWN_ALERT");
        assertThat(own.json().path("incidentId").asText()).isEqualTo(id);
        assertThat(incidentCount()).isEqualTo(before);
    }

    @Test
    void anIdentifierCapForbidsIsRefusedNamingIt() {
        var before = incidentCount();
        for (var identifier : new String[] {"&lt;script&gt;alert(1)&lt;/script&gt;", "wb 2026", "wb,2026", "a&amp;b"}) {
            var refused = agency.post(ALERTS, CapSamples.flood("wb-x", "Alert", null, "Expected")
                    .replace("<identifier>wb-x</identifier>", "<identifier>" + identifier + "</identifier>"), XML);
            assertThat(refused.status()).as(identifier + " " + refused).isEqualTo(400);
            assertThat(refused.body()).as(identifier).contains("\"field\":\"identifier\"");
        }
        assertThat(incidentCount()).isEqualTo(before);
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
        assertThat(update.status()).as(update.toString()).isEqualTo(200);
        assertThat(update.json().path("outcome").asText()).isEqualTo("UPDATED");
        assertThat(update.json().path("incidentId").asText()).isEqualTo(id);
        awaitIncident(id, i -> "IMMEDIATE".equals(i.path("urgency").asText()));

        var cancel = agency.post(ALERTS, CapSamples.flood("wb-2026-004", "Cancel", reference, "Past"), XML);
        assertThat(cancel.status()).as(cancel.toString()).isEqualTo(200);
        assertThat(cancel.json().path("outcome").asText()).isEqualTo("CANCELLED");
        awaitIncident(id, i -> "CANCELLED".equals(i.path("status").asText()));
    }

    @Test
    void anUpdateOfAnAlertNeverReceivedOpensAnIncidentMarkedSoAndACancelOfOneChangesNothing() {
        var missed = BUREAU + ",wb-1999-999,2026-11-28T16:00:00+08:00";
        var update = agency.post(ALERTS, CapSamples.flood("wb-late-1", "Update", missed, "Immediate"), XML);
        assertThat(update.status()).as(update.toString()).isEqualTo(201);
        assertThat(update.json().path("outcome").asText()).isEqualTo("CREATED_FROM_UNKNOWN_REFERENCES");
        var id = update.json().path("incidentId").asText();
        awaitIncident(id, i -> i.path("timeline").toString().contains("never received"));

        var before = incidentCount();
        var cancel = agency.post(ALERTS, CapSamples.flood("wb-late-2", "Cancel",
                BUREAU + ",wb-1999-998,2026-11-28T16:00:00+08:00", "Past"), XML);
        assertThat(cancel.status()).as(cancel.toString()).isEqualTo(200);
        assertThat(cancel.json().path("outcome").asText()).isEqualTo("NOTHING_TO_CANCEL");
        assertThat(cancel.json().has("incidentId")).isFalse();
        assertThat(incidentCount()).isEqualTo(before);
    }

    @Test
    void onlyTheSenderOrALinkedSenderMayUpdateOrCancelAndNothingChangesOtherwise() {
        var created = agency.post(ALERTS, CapSamples.flood("wb-own-1", "Alert", null, "Expected"), XML);
        var id = created.json().path("incidentId").asText();
        var before = awaitIncident(id, i -> true);
        var reference = BUREAU + ",wb-own-1,2026-11-28T16:00:00+08:00";

        var foreignUpdate = agency.post(ALERTS, CapSamples.flood("mallory@elsewhere.example", "Actual", "m-1",
                "Update", reference, "Immediate").replace("Severe", "Extreme"), XML);
        assertThat(foreignUpdate.status()).as(foreignUpdate.toString()).isEqualTo(403);
        assertThat(foreignUpdate.contentType()).contains("application/problem+json");
        var foreignCancel = agency.post(ALERTS, CapSamples.flood("mallory@elsewhere.example", "Actual", "m-2",
                "Cancel", reference, "Past"), XML);
        assertThat(foreignCancel.status()).isEqualTo(403);
        var viaAnotherKey = otherAgency.post(ALERTS, CapSamples.flood(BUREAU, "Actual", "wb-own-2", "Cancel",
                reference, "Past"), XML);
        assertThat(viaAnotherKey.status()).as("an unbound key proves no sender").isEqualTo(403);

        var after = operator.get("/api/incidents/" + id).json();
        for (var fact : new String[]{"status", "severity", "urgency", "location", "version"}) {
            assertThat(after.path(fact)).as(fact).isEqualTo(before.path(fact));
        }

        var linked = agency.post(ALERTS, CapSamples.flood("flood-office@demo-city.example", "Actual", "fo-1",
                "Update", reference, "Immediate"), XML);
        assertThat(linked.status()).as(linked.toString()).isEqualTo(200);
        awaitIncident(id, i -> "IMMEDIATE".equals(i.path("urgency").asText()));
    }

    @Test
    void exercisesAndRealAlertsNeverTouchEachOthersIncidents() {
        var real = agency.post(ALERTS, CapSamples.flood("wb-real-1", "Alert", null, "Expected"), XML)
                .json().path("incidentId").asText();
        var drillUpdate = agency.post(ALERTS, CapSamples.flood(BUREAU, "Exercise", "wb-ex-2", "Cancel",
                BUREAU + ",wb-real-1,2026-11-28T16:00:00+08:00", "Past"), XML);
        assertThat(drillUpdate.status()).as(drillUpdate.toString()).isEqualTo(403);

        var drill = agency.post(ALERTS, CapSamples.flood(BUREAU, "Exercise", "wb-ex-1", "Alert", null, "Expected"),
                XML).json().path("incidentId").asText();
        assertThat(awaitIncident(drill, i -> true).path("drill").asBoolean()).isTrue();
        var realCancel = agency.post(ALERTS, CapSamples.flood(BUREAU, "Actual", "wb-real-2", "Cancel",
                BUREAU + ",wb-ex-1,2026-11-28T16:00:00+08:00", "Past"), XML);
        assertThat(realCancel.status()).isEqualTo(403);

        var test = agency.post(ALERTS, CapSamples.flood(BUREAU, "Test", "wb-test-1", "Cancel",
                BUREAU + ",wb-real-1,2026-11-28T16:00:00+08:00", "Past"), XML);
        assertThat(test.status()).isEqualTo(400);
        assertThat(operator.get("/api/incidents/" + real).json().path("status").asText()).isEqualTo("REPORTED");
        assertThat(operator.get("/api/incidents/" + drill).json().path("status").asText()).isEqualTo("REPORTED");
    }

    @Test
    void textXmlCannotCarryIsRefusedAtInputNamingTheFieldSoEveryExportStaysWellFormed() {
        var report = operator.post("/api/incidents", """
                {"type":"GAS_LEAK","severity":"SEVERE","location":{"lat":31.2336,"lon":121.47},
                 "summary":"Gas\\u0000 main","drill":false}""");
        assertThat(report.status()).as(report.toString()).isEqualTo(400);
        assertThat(report.body()).contains("\"field\":\"summary\"");

        var id = report("Gas main, corner of Huangpi Road");
        var note = operator.post("/api/incidents/" + id + "/notes", "{\"text\":\"bell\\u0007\"}");
        assertThat(note.status()).as(note.toString()).isEqualTo(400);
        assertThat(note.body()).contains("\"field\":\"text\"");
        awaitCap(id, xml -> true);   // still well-formed and schema-valid
    }

    @Test
    void realWorldShapesImportOverHttpAndTheRefusedOnesSayWhy() throws Exception {
        var sender = new CapSender(node.baseUrl(), "demo-cap-key");
        var statuses = new java.util.TreeMap<String, Integer>();
        for (var file : RealWorldCapTest.IMPORTED.keySet()) {
            try (var in = CapApiIT.class.getResourceAsStream("/cap/real-world/" + file)) {
                var response = sender.post(in.readAllBytes(), "application/cap+xml");
                statuses.put(file, response.status());
                assertThat(response.status()).as(file + ": " + response.body()).isEqualTo(201);
            }
        }
        for (var refused : new String[]{"ipaws-required-weekly-test.xml", "zulu-time-refused.xml"}) {
            try (var in = CapApiIT.class.getResourceAsStream("/cap/real-world/" + refused)) {
                var response = sender.post(in.readAllBytes(), "application/cap+xml");
                statuses.put(refused, response.status());
                assertThat(response.status()).as(refused).isEqualTo(400);
                assertThat(response.body()).containsAnyOf("\"field\":\"status\"", "\"field\":\"sent\"");
            }
        }
        System.out.println("real-world CAP over HTTP: " + statuses);
    }

    @Test
    void anUpdateNamingOnlyUnknownAreaCodesLeavesTheLocationWhereItWas() {
        var created = agency.post(ALERTS, CapSamples.flood("wb-stay-1", "Alert", null, "Expected"), XML);
        var id = created.json().path("incidentId").asText();
        var before = awaitIncident(id, i -> true).path("location");
        var update = CapSamples.flood("wb-stay-2", "Update", BUREAU + ",wb-stay-1,2026-11-28T16:00:00+08:00",
                "Immediate").replace("<circle>31.2434,121.479 1.5</circle>",
                "<geocode><valueName>UGC</valueName><value>TXZ211</value></geocode>");
        assertThat(agency.post(ALERTS, update, XML).status()).isEqualTo(200);
        var after = awaitIncident(id, i -> "IMMEDIATE".equals(i.path("urgency").asText()));
        assertThat(after.path("location")).isEqualTo(before);
    }

    @Test
    void anOversizedAlertIs413BeforeItIsRead() {
        var sender = new CapSender(node.baseUrl(), "demo-cap-key");
        var thirtyMegabytes = sender.postAnnounced(30L * 1024 * 1024, 64 * 1024);
        assertThat(thirtyMegabytes).startsWith("HTTP/1.1 413").contains("application/problem+json")
                .contains("at most 1048576 bytes");

        var chunked = sender.postChunked(new byte[2 * 1024 * 1024], XML);
        assertThat(chunked.status()).isEqualTo(413);
        assertThat(chunked.body()).contains("at most 1048576 bytes");
    }

    @Test
    void aWrongContentTypeIsToldWhatCapClientsSend() {
        var json = agency.post(ALERTS, CapSamples.flood("wb-ct-1", "Alert", null, "Expected"), "application/json");
        assertThat(json.status()).isEqualTo(415);
        assertThat(json.contentType()).contains("application/problem+json");
        assertThat(json.body()).contains("application/cap+xml").contains("application/xml")
                .doesNotContain("Send application/json");
    }

    @Test
    void anAlertNamingItsAreaOnlyByCodeIsLocatedFromTheCodeTableOrMarkedUnresolved() {
        var known = agency.post(ALERTS, CapSamples.byAreaCode("cn-12379-1", "暴雨黄色预警", "GB/T 2260", "310101"), XML);
        assertThat(known.status()).as(known.toString()).isEqualTo(201);
        var huangpu = awaitIncident(known.json().path("incidentId").asText(), i -> true);
        assertThat(huangpu.path("type").asText()).isEqualTo("OTHER");
        assertThat(huangpu.path("source").path("externalEvent").asText()).isEqualTo("暴雨黄色预警");
        assertThat(huangpu.path("location").path("basis").asText()).isEqualTo("AREA_CODE");
        assertThat(huangpu.path("location").path("address").asText()).isEqualTo("黄浦区");
        assertThat(huangpu.path("location").path("areaCodes").toString()).contains("GB/T 2260=310101");
        assertThat(huangpu.path("location").path("point").path("lat").asDouble()).isBetween(31.2, 31.25);

        var unknown = agency.post(ALERTS, CapSamples.byAreaCode("nws-zone-1", "Flood Warning", "UGC", "TXZ211"), XML);
        assertThat(unknown.status()).as(unknown.toString()).isEqualTo(201);
        var id = unknown.json().path("incidentId").asText();
        var unresolved = awaitIncident(id, i -> true);
        assertThat(unresolved.path("type").asText()).isEqualTo("FLOOD");
        assertThat(unresolved.path("location").path("basis").asText()).isEqualTo("AREA_CODE_UNRESOLVED");
        var board = operator.get("/api/incidents").body();
        assertThat(board).contains("AREA_CODE_UNRESOLVED");
    }

    @Test
    void aCircleWiderThanBeaconsAreasKeepsItsCentreAndADeclaredEncodingIsHonoured() {
        var wide = CapSamples.flood("wb-wide-1", "Alert", null, "Expected").replace("31.2434,121.479 1.5",
                "31.2434,121.479 350");
        var created = agency.post(ALERTS, wide, XML);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        var incident = awaitIncident(created.json().path("incidentId").asText(), i -> true);
        assertThat(incident.path("location").path("address").asText()).contains("within 350 km");
        assertThat(incident.path("location").has("area")).isFalse();

        var latin1 = CapSamples.flood("wb-latin1-1", "Alert", null, "Expected")
                .replace("encoding=\"UTF-8\"", "encoding=\"ISO-8859-1\"")
                .replace("Suzhou Creek banks, Huangpu", "Quai de la Sûreté");
        var sender = new CapSender(node.baseUrl(), "demo-cap-key");
        var posted = sender.post(latin1.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1), "application/xml");
        assertThat(posted.status()).as(posted.toString()).isEqualTo(201);
        var place = awaitIncident(posted.json().path("incidentId").asText(), i -> true);
        assertThat(place.path("location").path("address").asText()).isEqualTo("Quai de la Sûreté");
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

    private static int incidentCount() {
        return operator.get("/api/incidents").json().size();
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
