package city.beacon.bench;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * long: incidents with 10 / 1,000 / 10,000 events (notes), written into the event store by the bench hook. Figures:
 * GET of the incident (detail with timeline) and a command on it (a note: the aggregate is loaded), against the same
 * for the smallest incident in the same repetition; and the largest document the store holds afterwards.
 */
final class LongIncidentScenario {
    private final Session session;
    private final Options options;
    private final Report report;

    LongIncidentScenario(Session session, Options options, Report report) {
        this.session = session;
        this.options = options;
        this.report = report;
    }

    void run() throws Exception {
        System.out.println("long: incidents with " + options.longSizes() + " events");
        Map<Integer, String> ids = new LinkedHashMap<>();
        Map<Integer, String> behind = new LinkedHashMap<>();
        for (int size : options.longSizes()) {
            JsonNode written = session.history(1, 0, Math.max(0, size - 2), 1, 100);
            ids.put(size, written.path("ids").get(0).asText());
            long head = written.path("head").asLong();
            long start = System.nanoTime();
            JsonNode status = session.awaitCaughtUp(head, options.longWaitSeconds());
            double seconds = (System.nanoTime() - start) / 1e9;
            System.out.printf("  %d events written in %d ms; read models %s after %.1f s%n", size,
                    written.path("millis").asLong(), status.path("caughtUp").asBoolean() ? "caught up"
                            : "at " + Session.slowestPosition(status) + " of " + head, seconds);
            if (!status.path("caughtUp").asBoolean()) {
                behind.put(size, "read models had reached position " + Session.slowestPosition(status) + " of "
                        + head + " after " + Report.num(seconds) + " s: GET not measured");
            }
        }
        int smallest = options.longSizes().get(0);
        Map<Integer, List<Double>> get = new LinkedHashMap<>();
        Map<Integer, List<Double>> command = new LinkedHashMap<>();
        for (int rep = 0; rep < options.reps(); rep++) {
            for (var entry : ids.entrySet()) {
                String path = "/api/incidents/" + entry.getValue();
                double getMillis = behind.containsKey(entry.getKey()) ? Double.NaN
                        : Loops.medianMillis(10, () -> session.api.get(Session.OPERATOR, path).status());
                double noteMillis = Loops.medianMillis(5, () -> session.api.post(Session.OPERATOR, path + "/notes",
                        "{\"text\":\"bench note\"}").status());
                get.computeIfAbsent(entry.getKey(), k -> new ArrayList<>()).add(getMillis);
                command.computeIfAbsent(entry.getKey(), k -> new ArrayList<>()).add(noteMillis);
            }
        }
        for (int size : ids.keySet()) {
            report.add(Row.paired("long", "GET incident (detail+timeline), " + size + " events", "ms", get.get(size),
                    "same, " + smallest + " events", get.get(smallest), behind.get(size)));
        }
        for (int size : ids.keySet()) {
            report.add(Row.paired("long", "add a note (aggregate load), " + size + " events", "ms",
                    command.get(size), "same, " + smallest + " events", command.get(smallest), null));
        }
        session.awaitCaughtUp(-1, 20);
        Map<String, Long> largest = session.raw.largestDocuments();
        var top = largest.entrySet().stream().sorted((a, b) -> Long.compare(b.getValue(), a.getValue())).limit(3)
                .toList();
        for (var entry : top) {
            report.add(Row.alone("long", "largest document in " + entry.getKey(), "KB",
                    List.of(entry.getValue() / 1024.0), null));
        }
    }

}
