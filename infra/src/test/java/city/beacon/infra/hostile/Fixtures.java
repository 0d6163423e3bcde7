package city.beacon.infra.hostile;

import city.beacon.infra.support.BeaconNode;
import city.beacon.infra.support.EventCount;
import city.beacon.infra.support.Http;
import city.beacon.infra.support.KeyedHttp;
import com.fasterxml.jackson.databind.JsonNode;
import com.mongodb.client.MongoDatabase;

import org.awaitility.core.ConditionTimeoutException;

import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Creates the {@link Fixture} through the API, as clients would, then waits until nothing more happens. */
final class Fixtures {
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final Duration QUIET = Duration.ofMillis(700);

    private Fixtures() { }

    static Fixture create(BeaconNode node) {
        var operator = node.as("operator");
        String incident = report(operator, "SEVERE", true);
        JsonNode tasks = awaitTasks(operator, incident, 3);
        String fire = null;
        String police = null;
        for (JsonNode task : tasks) {
            if ("FIRE".equals(task.path("department").asText())) {
                fire = task.path("taskId").asText();
            } else if ("POLICE".equals(task.path("department").asText())) {
                police = task.path("taskId").asText();
            }
        }
        acknowledgeAll(node, tasks);
        String target = report(operator, "MINOR", false);

        var agency = new KeyedHttp(node.baseUrl(), "demo-cap-key");
        var capProbes = new CapProbes(0);
        String xml = capProbes.alert(CapProbes.SENDER, "Alert", null, "Actual", "<circle>31.2434,121.479 1.5</circle>",
                "Severe").replace("hostile-1<", "fixture-1<");
        var imported = agency.post(CapProbes.PATH, xml, "application/cap+xml");
        assertThat(imported.status()).as(imported.toString()).isEqualTo(201);
        String importedIncident = imported.json().path("incidentId").asText();
        await().pollDelay(Duration.ofSeconds(2)).atMost(WAIT)
                .until(() -> operator.get("/api/incidents/" + importedIncident).status() == 200);
        acknowledgeAll(node, operator.get("/api/incidents/" + importedIncident).json().path("tasks"));
        var database = node.bean(MongoDatabase.class);
        var before = awaitQuiet(database);
        var auditor = node.as("auditor");
        var events = auditor.get("/api/audit/incidents/" + incident + "/events");
        assertThat(events.status()).as(events.toString()).isEqualTo(200);
        // A verification run reads the store and writes no event (so the suite, which counts events, never charges
        // one as a change); started here so the suite can look it up.
        var run = auditor.post("/api/audit/verify", null);
        assertThat(run.status()).as(run.toString()).isEqualTo(202);
        String runId = run.json().path("runId").asText();
        await().atMost(WAIT).until(() -> !"RUNNING".equals(
                auditor.get("/api/audit/verify/" + runId).json().path("state").asText()));
        assertThat(EventCount.of(database)).as("events after a verification run").isEqualTo(before);
        return new Fixture(target, incident, fire, police, "FIRE-E12", "GP-0101", CapProbes.SENDER, "fixture-1",
                "2026-11-28T16:00:00+08:00", events.json().path("events").path(0).path("eventId").asText(),
                runId);
    }

    /** Unconfirmed, an incident has no tasks, so nothing a hostile request does to it can start a deadline. */
    private static String report(Http operator, String severity, boolean confirm) {
        var body = Catalogue.report().put("severity", severity).put("summary", "hostile-suite fixture").toString();
        var created = operator.post("/api/incidents", body);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String id = created.json().path("id").asText();
        if (confirm) {
            var confirmed = operator.post("/api/incidents/" + id + "/confirm", null);   // the plan dispatches now
            assertThat(confirmed.status()).as(confirmed.toString()).isEqualTo(204);
        }
        return id;
    }

    private static JsonNode awaitTasks(Http operator, String incident, int atLeast) {
        await().atMost(WAIT).until(() -> operator.get("/api/incidents/" + incident).json().path("tasks").size() >= atLeast);
        return operator.get("/api/incidents/" + incident).json().path("tasks");
    }

    private static void acknowledgeAll(BeaconNode node, JsonNode tasks) {
        for (JsonNode task : tasks) {
            String department = task.path("department").asText();
            var system = new KeyedHttp(node.baseUrl(), "demo-" + department.toLowerCase(Locale.ROOT) + "-key");
            var answer = system.postJson("/api/departments/" + department + "/tasks/" + task.path("taskId").asText()
                    + "/acknowledge", "");
            assertThat(answer.status()).as(answer.toString()).isEqualTo(204);
        }
    }

    /** Waits until the event store has not grown for 0.7 s (notifications, projections' follow-ups). */
    static EventCount awaitQuiet(MongoDatabase database) {
        var quiet = awaitQuiet(database, WAIT);
        if (quiet == null) {
            throw new AssertionError("the event store kept growing for " + WAIT + ": " + EventCount.of(database));
        }
        return quiet;
    }

    /**
     * As above, but answers null if the store is still growing after {@code wait}. Quiet: the same count at every
     * look for {@link #QUIET} running; any change starts the quiet period again.
     */
    static EventCount awaitQuiet(MongoDatabase database, Duration wait) {
        var last = new AtomicReference<>(EventCount.of(database));
        try {
            await().atMost(wait).pollInterval(Duration.ofMillis(100)).during(QUIET)
                    .until(() -> {
                        var now = EventCount.of(database);
                        return now.equals(last.getAndSet(now));
                    });
            return last.get();
        } catch (ConditionTimeoutException stillGrowing) {
            return null;
        }
    }
}
