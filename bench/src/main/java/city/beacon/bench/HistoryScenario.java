package city.beacon.bench;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;

/**
 * replay and flat, on a store filled with a realistic history (about 20 events per incident: reported, confirmed,
 * three departments tasked, acknowledging, on scene and done, a note, contained, resolved, closed; one in 50 still
 * open). flat: append rate, aggregate load, board query and replay rate at the large history against the small one.
 * replay: reset every read model and rebuild it, against a raw sequential read of the event collection.
 */
final class HistoryScenario {
    private static final int EVENTS_PER_INCIDENT = 20;
    private static final int INCIDENTS_PER_CALL = 250;
    /** The event store's commit collection (Beacon's engine, docs/event-store.md), read raw for the baseline. */
    private static final String EVENT_COLLECTION = "event_commits";

    private final Session session;
    private final Options options;
    private final Report report;
    private long events;

    HistoryScenario(Session session, Options options, Report report) {
        this.session = session;
        this.options = options;
        this.report = report;
    }

    record Figures(List<Double> append, List<Double> load, List<Double> board, List<Double> replay,
                   List<Double> rawRead, List<Double> totalSeconds, List<Boolean> finished) {
        Figures() {
            this(new ArrayList<>(), new ArrayList<>(), new ArrayList<>(), new ArrayList<>(), new ArrayList<>(),
                    new ArrayList<>(), new ArrayList<>());
        }
    }

    void run() throws Exception {
        String incident = session.api.post(Session.OPERATOR, "/api/incidents", Api.report("flat cost probe")).ok()
                .json().path("id").asText();
        fill(options.smallEvents());
        var small = measure(incident, true);
        fill(options.events());
        var large = measure(incident, false);
        String smallLabel = String.format("%,d", options.smallEvents());
        String largeLabel = String.format("%,d", options.events());
        if (options.runs("replay")) {
            report.add(Row.paired("replay", "rebuild every read model, " + largeLabel + " events", "events/s",
                    large.replay(), "raw sequential read of " + EVENT_COLLECTION, large.rawRead(),
                    large.finished().contains(false) ? "a repetition stopped after " + options.replaySeconds()
                            + " s: rate from the slowest read model's progress" : null));
            report.add(Row.alone("replay", "total rebuild time, " + largeLabel + " events", "s", large.totalSeconds(),
                    large.finished().contains(false) ? "extrapolated from the rate where a repetition was stopped"
                            : null));
        }
        if (options.runs("flat")) {
            String base = "same at " + smallLabel + " events";
            report.add(Row.paired("flat", "reports/s (1 client) at " + largeLabel, "/s", large.append(), base,
                    small.append(), null));
            report.add(Row.paired("flat", "add a note (aggregate load) at " + largeLabel, "ms", large.load(), base,
                    small.load(), null));
            report.add(Row.paired("flat", "GET /api/incidents (board) at " + largeLabel, "ms", large.board(), base,
                    small.board(), null));
            report.add(Row.paired("flat", "replay rate at " + largeLabel, "events/s", large.replay(), base,
                    small.replay(), null));
        }
    }

    /** Fills the store up to about {@code target} events (in-process, through the hook) and lets the read models catch up. */
    private void fill(int target) throws Exception {
        long start = System.nanoTime();
        int incidents = (int) Math.max(0, (target - events) / EVENTS_PER_INCIDENT);
        JsonNode last = null;
        for (int done = 0; done < incidents; done += INCIDENTS_PER_CALL) {
            last = session.history(Math.min(INCIDENTS_PER_CALL, incidents - done), 3, 1, 50, 0);
            events += last.path("events").asLong();
        }
        long head = last == null ? -1 : last.path("head").asLong();
        double fillSeconds = (System.nanoTime() - start) / 1e9;
        var status = session.awaitCaughtUp(head, options.catchUpSeconds());
        System.out.printf("history: %,d events written in %.1f s; read models %s after %.1f s more%n", events,
                fillSeconds, status.path("caughtUp").asBoolean() ? "caught up" : "NOT caught up ("
                        + Session.slowestPosition(status) + " of " + head + ")",
                (System.nanoTime() - start) / 1e9 - fillSeconds);
    }

    private Figures measure(String incident, boolean small) throws Exception {
        var figures = new Figures();
        String notes = "/api/incidents/" + incident + "/notes";
        if (small) {
            // A fresh node: let the JIT and the connection pools warm up before the first figure.
            Loops.closedLoop(1, 2, () -> session.api.post(Session.OPERATOR, "/api/incidents",
                    Api.report("flat cost warm-up")).status());
            Loops.medianMillis(5, () -> session.api.get(Session.OPERATOR, "/api/incidents").status());
            session.awaitCaughtUp(-1, 30);
        }
        for (int rep = 0; rep < options.reps(); rep++) {
            figures.append().add(Loops.closedLoop(1, options.appendSeconds(), () -> session.api.post(Session.OPERATOR,
                    "/api/incidents", Api.report("flat cost")).status()).perSecond());
            session.awaitCaughtUp(-1, 30);
            figures.load().add(Loops.medianMillis(10, () -> session.api.post(Session.OPERATOR, notes,
                    "{\"text\":\"flat cost note\"}").status()));
            figures.board().add(Loops.medianMillis(10, () -> session.api.get(Session.OPERATOR, "/api/incidents")
                    .status()));
        }
        session.awaitCaughtUp(-1, 30);
        for (int rep = 0; rep < options.reps(); rep++) {
            long head = session.hook("POST", "/replay").path("head").asLong();
            long start = System.nanoTime();
            JsonNode status = session.awaitCaughtUp(head, options.replaySeconds());
            double seconds = (System.nanoTime() - start) / 1e9;
            boolean finished = status.path("caughtUp").asBoolean();
            long reached = finished ? head : Math.max(0, Session.slowestPosition(status));
            double rate = reached / seconds;
            figures.replay().add(rate);
            figures.totalSeconds().add(finished ? seconds : head / rate);
            figures.finished().add(finished);
            var scan = session.raw.sequentialRead(EVENT_COLLECTION);
            figures.rawRead().add(head / scan.seconds());
            System.out.printf("  replay %s: %,d positions, %s in %.1f s (%.0f/s); raw read %,d documents, %.1f MB in"
                            + " %.2f s%n", small ? "small" : "large", head, finished ? "rebuilt" : "reached " + reached,
                    seconds, rate, scan.documents(), scan.bytes() / 1e6, scan.seconds());
        }
        // The next step needs the read models whole again.
        session.awaitCaughtUp(-1, small ? options.catchUpSeconds() : 0);
        return figures;
    }
}
