package city.beacon.bench;

import com.fasterxml.jackson.databind.JsonNode;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * audit (issue 12, docs/audit.md): over a history of {@code --audit-events} events (20 per incident, 200,000 events =
 * 10,000 incidents by default), how long an auditor waits for an incident as it stood at an instant (target ≤ 100 ms)
 * and for the board at an instant (≤ 1 s), against today's read models answering the live incident and board; how
 * fast the audit index, board checkpoints and seals are built and how fast verification runs, against a raw
 * sequential read of the event collection. The node runs only the audit processors over the history (the other read
 * models are fast-forwarded past it: their rebuild is the replay scenario's business).
 */
final class AuditScenario {
    static final List<String> AUDIT_PROCESSORS = List.of("audit-index", "board-checkpoints", "audit-seals");
    /** The read models fast-forwarded past the history: every processor but the audit ones. */
    static final String NOT_REPLAYED = "live-feed,sensors,task-queue,incident-detail,incident-search,units,kpi,"
            + "public-warnings,alarm-correlation";
    private static final int EVENTS_PER_INCIDENT = 20;
    private static final int INCIDENTS_PER_CALL = 250;
    private static final String EVENT_COLLECTION = "event_commits";
    /** A bound far past any verification seen (docs/audit.md: 200,000 events in 18 to 115 s). */
    private static final double VERIFY_LIMIT_SECONDS = 3600;

    private final Session session;
    private final Options options;
    private final Report report;
    private final Random random = new Random(12);

    AuditScenario(Session session, Options options, Report report) {
        this.session = session;
        this.options = options;
        this.report = report;
    }

    void run() throws Exception {
        String probe = session.api.post(Session.OPERATOR, "/api/incidents", Api.report("audit live probe")).ok()
                .json().path("id").asText();
        int incidents = options.auditEvents() / EVENTS_PER_INCIDENT;
        long start = System.nanoTime();
        Instant fillStart = Instant.now().minusSeconds(1);
        long events = 0;
        long head = -1;
        for (int done = 0; done < incidents; done += INCIDENTS_PER_CALL) {
            JsonNode written = writeHistory(Math.min(INCIDENTS_PER_CALL, incidents - done));
            events += written.path("events").asLong();
            head = written.path("head").asLong();
        }
        double fillSeconds = (System.nanoTime() - start) / 1e9;
        // An event's time is when it was written (docs/audit.md), so the history spans the fill.
        Instant fillEnd = Instant.now().plusSeconds(1);
        System.out.printf("audit: %,d events of %,d incidents written in %.0f s (head %,d)%n", events, incidents,
                fillSeconds, head);
        Map<String, Double> buildRates = awaitAuditProcessors(head);
        double rawRate = rawReadRate(head);
        String days = "over the history's " + Math.round(fillSeconds) + " s";
        String size = String.format("%,d events / %,d incidents", events, incidents);
        buildRates.forEach((processor, rate) -> report.add(Row.paired("audit", processor + " build rate after the fill, "
                        + size, "events/s", List.of(rate), "raw sequential read of " + EVENT_COLLECTION,
                List.of(rawRate), rate.isNaN() ? "did not reach the head in " + options.catchUpSeconds() + " s" : null)));

        List<Double> incidentP50 = new ArrayList<>();
        List<Double> incidentP99 = new ArrayList<>();
        List<Double> liveIncident = new ArrayList<>();
        List<Double> boardP50 = new ArrayList<>();
        List<Double> boardP99 = new ArrayList<>();
        List<Double> liveBoard = new ArrayList<>();
        List<Double> rows = new ArrayList<>();
        List<Sample> samples = incidentSamples(fillStart, fillEnd);
        warmUp(samples.get(0), probe);
        for (int rep = 0; rep < options.reps(); rep++) {
            List<Double> incidentMillis = new ArrayList<>();
            for (Sample sample : samples) {
                long left = Math.max(1, fillEnd.toEpochMilli() - sample.reportedAt().toEpochMilli());
                Instant at = sample.reportedAt().plusMillis((long) (random.nextDouble() * left));
                incidentMillis.add(timed(() -> session.api.get(Session.AUDITOR, "/api/audit/incidents/"
                        + sample.incidentId() + "?at=" + q(at)).ok()));
            }
            incidentP50.add(Summary.percentile(incidentMillis, 50));
            incidentP99.add(Summary.percentile(incidentMillis, 99));
            liveIncident.add(Loops.medianMillis(20, () -> session.api.get(Session.OPERATOR, "/api/incidents/" + probe)
                    .ok().status()));

            List<Double> boardMillis = new ArrayList<>();
            long span = fillEnd.toEpochMilli() - fillStart.toEpochMilli();
            for (int i = 0; i < options.auditBoardSamples(); i++) {
                Instant at = fillStart.plusMillis((long) (random.nextDouble() * span));
                var answer = new Api.Response[1];
                boardMillis.add(timed(() -> answer[0] = session.api.get(Session.AUDITOR, "/api/audit/board?at="
                        + q(at)).ok()));
                rows.add((double) answer[0].json().path("rows").size());
            }
            boardP50.add(Summary.percentile(boardMillis, 50));
            boardP99.add(Summary.percentile(boardMillis, 99));
            liveBoard.add(Loops.medianMillis(20, () -> session.api.get(Session.OPERATOR, "/api/incidents").ok()
                    .status()));
        }
        String liveIncidentBase = "GET /api/incidents/{id} (today's read model)";
        String liveBoardBase = "GET /api/incidents (today's board read model)";
        report.add(Row.paired("audit", "incident at T, p50, " + size + " (target ≤ 100 ms)", "ms", incidentP50,
                liveIncidentBase, liveIncident, samples.size() + " random incidents and instants per repetition"));
        report.add(Row.paired("audit", "incident at T, p99, " + size + " (target ≤ 100 ms)", "ms", incidentP99,
                liveIncidentBase, liveIncident, null));
        report.add(Row.paired("audit", "board at T, p50, " + size + " (target ≤ 1 s)", "ms", boardP50,
                liveBoardBase, liveBoard, options.auditBoardSamples() + " random instants " + days
                        + " per repetition, " + Report.num(Summary.of(rows).median()) + " rows on average"));
        report.add(Row.paired("audit", "board at T, p99, " + size + " (target ≤ 1 s)", "ms", boardP99,
                liveBoardBase, liveBoard, null));

        List<Double> verify = new ArrayList<>();
        List<Double> raw = new ArrayList<>();
        for (int rep = 0; rep < options.reps(); rep++) {
            verify.add(verifyRate());
            raw.add(rawReadRate(head));
        }
        report.add(Row.paired("audit", "POST /api/audit/verify, " + size, "events/s", verify,
                "raw sequential read of " + EVENT_COLLECTION, raw, null));
    }

    /**
     * One call of the history hook, tried again when the node answers that its store was too slow (seen on a machine
     * shared with several builds): the incidents a failed call wrote are simply part of the history. The next try
     * is scheduled a few seconds on, to give the store room; the node offers nothing to wait on for that.
     */
    private JsonNode writeHistory(int incidents) throws InterruptedException {
        Supplier<JsonNode> call = () -> session.history(incidents, 3, 1, 50, 4);
        for (int attempt = 1; ; attempt++) {
            Executor when = attempt == 1 ? Runnable::run : CompletableFuture.delayedExecutor(5, TimeUnit.SECONDS);
            try {
                return CompletableFuture.supplyAsync(call, when).get();
            } catch (ExecutionException e) {
                if (attempt == 3 || !busy(e.getCause())) {
                    throw (RuntimeException) e.getCause();
                }
                System.out.println("  history call answered 503, trying again: " + e.getCause().getMessage());
            }
        }
    }

    private static boolean busy(Throwable failure) {
        return failure instanceof IllegalStateException && failure.getMessage().startsWith("HTTP 503");
    }

    record Sample(String incidentId, Instant reportedAt) {
    }

    /** Random incidents of the history, found as an auditor would: the reports written during the fill. */
    private List<Sample> incidentSamples(Instant from, Instant to) {
        List<Sample> all = new ArrayList<>();
        String after = "";
        while (true) {
            JsonNode page = session.api.get(Session.AUDITOR, "/api/audit/events?type=IncidentReported&limit=1000&from="
                    + q(from) + "&to=" + q(to) + after).ok().json();
            for (JsonNode event : page.path("events")) {
                all.add(new Sample(event.path("aggregateId").asText(), Instant.parse(event.path("time").asText())));
            }
            if (!page.hasNonNull("next")) {
                break;
            }
            after = "&after=" + page.path("next").asLong();
        }
        if (all.isEmpty()) {
            throw new IllegalStateException("no incidents reported between " + from + " and " + to);
        }
        List<Sample> samples = new ArrayList<>();
        for (int i = 0; i < options.auditIncidentSamples(); i++) {
            samples.add(all.get(random.nextInt(all.size())));
        }
        return samples;
    }

    private void warmUp(Sample sample, String probe) {
        for (int i = 0; i < 5; i++) {
            session.api.get(Session.AUDITOR, "/api/audit/incidents/" + sample.incidentId() + "?at="
                    + q(sample.reportedAt().plusSeconds(600))).ok();
            session.api.get(Session.AUDITOR, "/api/audit/board?at=" + q(sample.reportedAt())).ok();
            session.api.get(Session.OPERATOR, "/api/incidents/" + probe).ok();
            session.api.get(Session.OPERATOR, "/api/incidents").ok();
        }
    }

    /**
     * Waits until each audit processor reaches the head (asking the processors hook every 0.5 s); answers each one's
     * rate over what it had left when the fill ended (NaN when it did not get there in time).
     */
    private Map<String, Double> awaitAuditProcessors(long head) throws InterruptedException {
        long start = System.nanoTime();
        Map<String, Long> startPositions = new LinkedHashMap<>();
        Map<String, Double> rates = new LinkedHashMap<>();
        Progress.await(() -> {
            JsonNode status = session.hook("GET", "/processors?head=" + head);
            double seconds = (System.nanoTime() - start) / 1e9;
            for (JsonNode processor : status.path("processors")) {
                String name = processor.path("name").asText();
                long position = processor.path("position").asLong();
                if (!AUDIT_PROCESSORS.contains(name) || rates.containsKey(name)) {
                    continue;
                }
                startPositions.putIfAbsent(name, Math.max(0, position));
                if (position >= head) {
                    rates.put(name, (head - startPositions.get(name)) / Math.max(seconds, 1e-3));
                    System.out.printf("  %s reached %,d after %.0f s%n", name, head, seconds);
                }
            }
            return rates.size();
        }, reached -> reached == AUDIT_PROCESSORS.size(), Duration.ofMillis(500), options.catchUpSeconds());
        AUDIT_PROCESSORS.forEach(name -> rates.putIfAbsent(name, Double.NaN));
        return rates;
    }

    /** One verification run from start to its result (asked every 0.2 s), in events checked per second. */
    private double verifyRate() throws InterruptedException {
        long start = System.nanoTime();
        JsonNode started = session.api.post(Session.AUDITOR, "/api/audit/verify", null).ok().json();
        String path = "/api/audit/verify/" + started.path("runId").asText();
        JsonNode run = "RUNNING".equals(started.path("state").asText())
                ? Progress.await(() -> session.api.get(Session.AUDITOR, path).ok().json(),
                        answer -> !"RUNNING".equals(answer.path("state").asText()), Duration.ofMillis(200),
                        VERIFY_LIMIT_SECONDS)
                : started;
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("  verify: %s through %,d, %,d events in %.1f s%n", run.path("state").asText(),
                run.path("intactThrough").asLong(), run.path("eventsChecked").asLong(), seconds);
        if (!"INTACT".equals(run.path("state").asText())) {
            throw new IllegalStateException("verification did not find the store intact: " + run);
        }
        return run.path("eventsChecked").asLong() / seconds;
    }

    private double rawReadRate(long head) {
        var scan = session.raw.sequentialRead(EVENT_COLLECTION);
        return head / scan.seconds();
    }

    private static double timed(Runnable call) {
        long t = System.nanoTime();
        call.run();
        return (System.nanoTime() - t) / 1e6;
    }

    private static String q(Instant instant) {
        return URLEncoder.encode(instant.toString(), StandardCharsets.UTF_8);
    }
}
