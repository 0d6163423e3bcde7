package city.beacon.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * store: the raw driver's durable inserts against the disk's fsync rate. append: {@code POST /api/incidents} in a
 * closed loop against the raw driver's durable inserts at the same concurrency, into the same store.
 */
final class WriteScenarios {
    private final Session session;
    private final Options options;
    private final Report report;
    private final AtomicLong reports = new AtomicLong();

    WriteScenarios(Session session, Options options, Report report) {
        this.session = session;
        this.options = options;
        this.report = report;
    }

    void store() throws Exception {
        System.out.println("store: raw durable inserts vs the disk's fsync rate");
        session.raw.durableInserts(1, 1);
        List<Double> fsyncs = new ArrayList<>();
        Map<Integer, List<Double>> inserts = new LinkedHashMap<>();
        for (int rep = 0; rep < options.reps(); rep++) {
            fsyncs.add(RawStore.fsyncRate(session.diskDirectory(), options.appendSeconds()));
            for (int clients : options.storeClients()) {
                inserts.computeIfAbsent(clients, c -> new ArrayList<>())
                        .add(session.raw.durableInserts(clients, options.appendSeconds()).perSecond());
            }
        }
        for (var entry : inserts.entrySet()) {
            report.add(Row.paired("store", "raw durable inserts, " + entry.getKey() + " client(s)", "/s",
                    entry.getValue(), "disk fsyncs (write+force, 1 thread)", fsyncs, null));
        }
    }

    void append() throws Exception {
        System.out.println("append: POST /api/incidents (closed loop) vs raw durable inserts");
        for (int clients : options.appendClients()) {
            beacon(clients, Math.min(2, options.appendSeconds()));
            session.raw.durableInserts(clients, 1);
            List<Double> rate = new ArrayList<>();
            List<Double> p50 = new ArrayList<>();
            List<Double> p99 = new ArrayList<>();
            List<Double> rawRate = new ArrayList<>();
            List<Double> rawP50 = new ArrayList<>();
            List<Double> rawP99 = new ArrayList<>();
            long failures = 0;
            for (int rep = 0; rep < options.reps(); rep++) {
                var beacon = beacon(clients, options.appendSeconds());
                failures += beacon.failures();
                // The raw baseline runs once the node is idle again, so it does not pay for Beacon's backlog.
                session.awaitCaughtUp(-1, 30);
                var raw = session.raw.durableInserts(clients, options.appendSeconds());
                rate.add(beacon.perSecond());
                p50.add(beacon.p50Millis());
                p99.add(beacon.p99Millis());
                rawRate.add(raw.perSecond());
                rawP50.add(raw.p50Millis());
                rawP99.add(raw.p99Millis());
            }
            String note = failures > 0 ? failures + " requests failed" : null;
            String label = clients + " client(s)";
            report.add(Row.paired("append", "reports/s, " + label, "/s", rate, "raw inserts/s", rawRate, note));
            report.add(Row.paired("append", "p50, " + label, "ms", p50, "raw insert p50", rawP50, null));
            report.add(Row.paired("append", "p99, " + label, "ms", p99, "raw insert p99", rawP99, null));
        }
    }

    private Loops.Result beacon(int clients, double seconds) throws InterruptedException {
        return Loops.closedLoop(clients, seconds, () -> session.api.post(Session.OPERATOR, "/api/incidents",
                Api.report("append bench " + reports.incrementAndGet())).status());
    }
}
