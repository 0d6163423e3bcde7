package city.beacon.infra.audit;

import city.beacon.infra.support.BeaconNode;
import city.beacon.infra.support.Http;
import city.beacon.infra.support.Reports;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The audit API as auditors and everyone else meet it (docs/audit.md), over a whole node. */
class AuditApiIT {
    @TempDir
    static Path data;
    static BeaconNode node;
    static Http operator;
    static Http auditor;

    @BeforeAll
    static void start() {
        node = BeaconNode.start(data);
        operator = node.as("operator");
        auditor = node.as("auditor");
    }

    @AfterAll
    static void stop() {
        node.close();
    }

    private static String report(String summary) {
        var created = operator.post("/api/incidents", Reports.gasLeak(summary));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.json().get("id").asText();
    }

    private static String q(Instant instant) {
        return URLEncoder.encode(instant.toString(), StandardCharsets.UTF_8);
    }

    private static JsonNode awaitHistory(String id, int atLeast) {
        await().atMost(Duration.ofSeconds(20)).until(() -> {
            var response = auditor.get("/api/audit/incidents/" + id + "/events");
            return response.status() == 200 && response.json().path("events").size() >= atLeast;
        });
        return auditor.get("/api/audit/incidents/" + id + "/events").json();
    }

    private static void assertProblem(Http.Response response, int status, String field) {
        assertThat(response.status()).as(response.toString()).isEqualTo(status);
        assertThat(response.contentType()).startsWith("application/problem+json");
        if (field != null) {
            List<String> fields = new ArrayList<>();
            response.json().path("errors").forEach(error -> fields.add(error.path("field").asText()));
            assertThat(fields).as(response.toString()).contains(field);
        }
    }

    @Test
    void historyListsEveryEventOfTheIncidentInStreamOrderWithWhoAndWhy() {
        var id = report("Audited gas leak");
        assertThat(operator.post("/api/incidents/" + id + "/confirm", null).status()).isEqualTo(204);
        assertThat(operator.post("/api/incidents/" + id + "/notes", "{\"text\":\"valve V-12 closed\"}").status())
                .isEqualTo(204);
        // The note is the last command: once it is indexed, so is everything before it (the index follows the stream).
        await().atMost(Duration.ofSeconds(20)).until(() -> auditor.get("/api/audit/incidents/" + id
                + "/events?type=IncidentNoteAdded").json().path("events").size() == 1);
        var history = awaitHistory(id, 3).path("events");
        List<Long> positions = new ArrayList<>();
        history.forEach(e -> positions.add(e.path("position").asLong()));
        assertThat(positions).isSorted().doesNotHaveDuplicates();
        var reported = history.get(0);
        assertThat(reported.path("type").asText()).isEqualTo("IncidentReported");
        assertThat(reported.path("payload").path("summary").asText()).isEqualTo("Audited gas leak");
        assertThat(reported.path("actor").path("userId").asText()).isEqualTo("operator");
        assertThat(reported.path("actor").path("role").asText()).isEqualTo("OPERATOR");
        assertThat(reported.path("correlationId").asText()).isNotBlank();
        assertThat(reported.path("causationId").asText()).isNotBlank();
        List<String> types = new ArrayList<>();
        history.forEach(e -> types.add(e.path("type").asText()));
        assertThat(types).contains("IncidentConfirmed", "IncidentNoteAdded");

        var notes = auditor.get("/api/audit/incidents/" + id + "/events?type=IncidentNoteAdded").json().path("events");
        assertThat(notes).hasSize(1);
        assertThat(notes.get(0).path("payload").path("text").asText()).isEqualTo("valve V-12 closed");

        var firstPage = auditor.get("/api/audit/incidents/" + id + "/events?limit=1").json();
        assertThat(firstPage.path("events")).hasSize(1);
        long next = firstPage.path("next").asLong();
        var secondPage = auditor.get("/api/audit/incidents/" + id + "/events?limit=1&after=" + next).json();
        assertThat(secondPage.path("events").get(0).path("position").asLong()).isEqualTo(positions.get(1));

        Instant from = Instant.parse(reported.path("time").asText()).minusSeconds(60);
        Instant to = node.bean(java.time.Clock.class).instant();
        var byOperator = auditor.get("/api/audit/events?from=" + q(from) + "&to=" + q(to) + "&actor=operator"
                + "&type=IncidentReported&limit=1000").json().path("events");
        List<String> reportedIds = new ArrayList<>();
        byOperator.forEach(e -> reportedIds.add(e.path("payload").path("incidentId").path("value").asText()));
        assertThat(reportedIds).contains(id);
        byOperator.forEach(e -> assertThat(e.path("type").asText()).isEqualTo("IncidentReported"));
    }

    @Test
    void incidentAndBoardAtAnInstantAreAsTheyStoodThen() {
        var id = report("Time travel leak");
        var reportedView = await().atMost(Duration.ofSeconds(10)).until(
                () -> operator.get("/api/incidents/" + id), r -> r.status() == 200).json();
        Instant afterReport = node.bean(java.time.Clock.class).instant();
        awaitHistory(id, 1);
        assertThat(operator.post("/api/incidents/" + id + "/confirm", null).status()).isEqualTo(204);
        awaitHistory(id, 2);
        Instant afterConfirm = node.bean(java.time.Clock.class).instant();

        var then = auditor.get("/api/audit/incidents/" + id + "?at=" + q(afterReport));
        assertThat(then.status()).as(then.toString()).isEqualTo(200);
        assertThat(then.json().path("incident").path("status").asText()).isEqualTo("REPORTED");
        assertThat(then.json().path("incident").path("timeline")).hasSize(reportedView.path("timeline").size());
        var now = auditor.get("/api/audit/incidents/" + id + "?at=" + q(afterConfirm)).json();
        assertThat(now.path("incident").path("status").asText()).isEqualTo("CONFIRMED");
        assertThat(now.path("position").asLong()).isGreaterThan(then.json().path("position").asLong());

        Instant before = Instant.parse(reportedView.path("reportedAt").asText()).minusSeconds(3600);
        assertProblem(auditor.get("/api/audit/incidents/" + id + "?at=" + q(before)), 404, null);

        await().atMost(Duration.ofSeconds(10)).until(() -> {
            var board = auditor.get("/api/audit/board?at=" + q(node.bean(java.time.Clock.class).instant())).json();
            List<String> rows = new ArrayList<>();
            board.path("rows").forEach(r -> rows.add(r.path("id").asText() + ":" + r.path("status").asText()));
            return rows.contains(id + ":CONFIRMED");
        });
        var boardThen = auditor.get("/api/audit/board?at=" + q(afterReport)).json();
        List<String> rowsThen = new ArrayList<>();
        boardThen.path("rows").forEach(r -> rowsThen.add(r.path("id").asText() + ":" + r.path("status").asText()));
        assertThat(rowsThen).contains(id + ":REPORTED");
        var boardBefore = auditor.get("/api/audit/board?at=" + q(before)).json();
        List<String> idsBefore = new ArrayList<>();
        boardBefore.path("rows").forEach(r -> idsBefore.add(r.path("id").asText()));
        assertThat(idsBefore).doesNotContain(id);
    }

    @Test
    void badInstantsAndRangesAreRefusedNamingTheParameter() {
        var id = report("Bad input leak");
        awaitHistory(id, 1);
        assertProblem(auditor.get("/api/audit/incidents/" + id + "?at=yesterday"), 400, "at");
        assertProblem(auditor.get("/api/audit/incidents/" + id), 400, "at");
        assertProblem(auditor.get("/api/audit/incidents/" + id + "?at=2999-01-01T00:00:00Z"), 400, "at");
        assertProblem(auditor.get("/api/audit/board?at=1969-12-31T23:59:59Z"), 400, "at");
        assertProblem(auditor.get("/api/audit/board?at=not-a-time"), 400, "at");
        assertProblem(auditor.get("/api/audit/events?from=2026-01-02T00:00:00Z&to=2026-01-01T00:00:00Z"), 400, "from");
        assertProblem(auditor.get("/api/audit/incidents/" + id + "/events?from=2026-01-02T00:00:00Z"
                + "&to=2026-01-01T00:00:00Z"), 400, "from");
        assertProblem(auditor.get("/api/audit/events?from=2026-01-01T00:00:00Z&to=2026-03-01T00:00:00Z"), 400, "to");
        assertProblem(auditor.get("/api/audit/events?to=2026-03-01T00:00:00Z"), 400, "from");
        assertProblem(auditor.get("/api/audit/incidents/" + id + "/events?limit=0"), 400, "limit");
        assertProblem(auditor.get("/api/audit/incidents/no-such-incident/events"), 404, null);
        assertProblem(auditor.get("/api/audit/incidents/no-such-incident?at=2026-01-01T00:00:00Z"), 404, null);
    }

    @Test
    void onlyAuditorsAndAdministratorsReadTheAuditTrail() {
        var id = report("Authorization leak");
        awaitHistory(id, 1);
        String at = q(node.bean(java.time.Clock.class).instant());
        List<String> paths = List.of("/api/audit/incidents/" + id + "/events", "/api/audit/incidents/" + id + "?at=" + at,
                "/api/audit/board?at=" + at, "/api/audit/events?from=2026-01-01T00:00:00Z&to=2026-01-02T00:00:00Z");
        for (String user : List.of("operator", "fire", "gas_utility")) {
            for (String path : paths) {
                assertProblem(node.as(user).get(path), 403, null);
            }
        }
        for (String path : paths) {
            assertThat(node.as("admin").get(path).status()).as(path).isEqualTo(200);
            assertThat(auditor.get(path).status()).as(path).isEqualTo(200);
        }
        for (String user : List.of("operator", "fire")) {
            assertProblem(node.as(user).post("/api/audit/verify", null), 403, null);
            assertProblem(node.as(user).get("/api/audit/seals/latest"), 403, null);
        }
        assertProblem(auditor.post("/api/incidents", Reports.gasLeak("an auditor must not report")), 403, null);
        assertProblem(auditor.post("/api/incidents/" + id + "/confirm", null), 403, null);
        assertProblem(auditor.post("/api/incidents/" + id + "/notes", "{\"text\":\"no\"}"), 403, null);
    }

    @Test
    void verificationRunsInTheBackgroundAndFindsTheSealedStreamIntact() {
        var id = report("Sealed leak");
        awaitHistory(id, 1);
        await().atMost(Duration.ofSeconds(20)).until(() -> auditor.get("/api/audit/seals/latest").status() == 200);
        var latest = auditor.get("/api/audit/seals/latest").json();
        assertThat(latest.path("hash").asText()).hasSize(64);

        var started = auditor.post("/api/audit/verify", null);
        assertThat(started.status()).as(started.toString()).isEqualTo(202);
        String location = started.location();
        assertThat(location).startsWith("/api/audit/verify/");
        var done = await().atMost(Duration.ofSeconds(30)).until(() -> auditor.get(location).json(),
                run -> !"RUNNING".equals(run.path("state").asText()));
        assertThat(done.path("state").asText()).as(done.toString()).isEqualTo("INTACT");
        assertThat(done.path("intactThrough").asLong()).isGreaterThanOrEqualTo(latest.path("to").asLong());
        assertThat(done.hasNonNull("firstMismatch")).as(done.toString()).isFalse();
        assertProblem(auditor.get("/api/audit/verify/no-such-run"), 404, null);
    }

    @Test
    void theCausalChainLeadsFromAConfirmationToTheTasksItDispatchedAndBack() {
        var id = report("Causal leak");
        assertThat(operator.post("/api/incidents/" + id + "/confirm", null).status()).isEqualTo(204);
        await().atMost(Duration.ofSeconds(20)).until(() -> {
            var events = auditor.get("/api/audit/incidents/" + id + "/events?type=TaskRequested").json().path("events");
            return events.size() > 0;
        });
        var confirmed = auditor.get("/api/audit/incidents/" + id + "/events?type=IncidentConfirmed").json()
                .path("events").get(0);
        var requested = auditor.get("/api/audit/incidents/" + id + "/events?type=TaskRequested").json()
                .path("events").get(0);
        assertThat(requested.path("triggerEventId").asText()).isEqualTo(confirmed.path("eventId").asText());

        var up = auditor.get("/api/audit/events/" + requested.path("eventId").asText() + "/chain").json();
        assertThat(up.path("event").path("eventId").asText()).isEqualTo(requested.path("eventId").asText());
        assertThat(up.path("causes").get(0).path("type").asText()).isEqualTo("IncidentConfirmed");

        var down = auditor.get("/api/audit/events/" + confirmed.path("eventId").asText() + "/chain").json();
        List<String> effects = new ArrayList<>();
        down.path("effects").forEach(e -> effects.add(e.path("event").path("eventId").asText()));
        assertThat(effects).contains(requested.path("eventId").asText());
        down.path("effects").forEach(e -> assertThat(e.path("depth").asInt()).isPositive());
        assertThat(down.path("causes")).isEmpty();   // an operator's confirmation starts the chain

        assertProblem(auditor.get("/api/audit/events/no-such-event/chain"), 404, null);
        assertProblem(operator.get("/api/audit/events/" + confirmed.path("eventId").asText() + "/chain"), 403, null);
    }

    @Test
    void historyExportsAsJsonLinesOrCsvAndDiffsReadAsLines() {
        var id = report("Exported leak");
        assertThat(operator.post("/api/incidents/" + id + "/confirm", null).status()).isEqualTo(204);
        awaitHistory(id, 2);
        var jsonl = auditor.get("/api/audit/incidents/" + id + "/export?format=jsonl");
        assertThat(jsonl.status()).isEqualTo(200);
        assertThat(jsonl.contentType()).startsWith("application/x-ndjson");
        assertThat(jsonl.body().lines().count())
                .isEqualTo(auditor.get("/api/audit/incidents/" + id + "/events").json().path("events").size());
        var csv = auditor.get("/api/audit/incidents/" + id + "/export?format=csv");
        assertThat(csv.contentType()).startsWith("text/csv");
        assertThat(csv.body()).startsWith("position,eventId,time,type,");
        assertProblem(auditor.get("/api/audit/incidents/" + id + "/export?format=xml"), 400, "format");
        assertProblem(operator.get("/api/audit/incidents/" + id + "/export"), 403, null);

        var report = auditor.get("/api/audit/incidents/" + id + "/report").json();
        assertThat(report.path("number").asText()).isNotBlank();
        assertThat(report.path("departments").size()).isEqualTo(report.path("incident").path("tasks").size());
        var page = auditor.get("/api/audit/incidents/" + id + "/report?format=html");
        assertThat(page.contentType()).startsWith("text/html");
        assertThat(page.body()).contains("After-action report").contains(report.path("number").asText());
        assertProblem(auditor.get("/api/audit/incidents/" + id + "/report?format=pdf"), 400, "format");
        assertProblem(node.as("fire").get("/api/audit/incidents/" + id + "/report"), 403, null);

        Instant to = node.bean(java.time.Clock.class).instant();
        var diff = auditor.get("/api/audit/incidents/" + id + "/diff?from=" + q(Instant.EPOCH) + "&to=" + q(to)).json();
        List<String> lines = new ArrayList<>();
        diff.path("lines").forEach(line -> lines.add(line.asText()));
        assertThat(lines).anyMatch(line -> line.matches("\\d\\d:\\d\\d:\\d\\d Confirmed \\(operator operator\\)"));
        assertProblem(auditor.get("/api/audit/incidents/" + id + "/diff?from=" + q(to) + "&to=" + q(Instant.EPOCH)),
                400, "from");
    }
}
