package city.beacon.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * live: N consoles on /topic/board; commands sent at a fixed rate (open loop, as reports arrive in a city). Figure:
 * time from a command's 2xx to its board row at every subscriber. Baseline: the same fan-out of a fixed message
 * published straight to the broker (the bench hook), sent the same way at the same rate.
 */
final class LiveScenario {
    /** Deliveries still missing this long after the last accepted command count as "not delivered". */
    private static final double DRAIN_SECONDS = 5;
    private final Session session;
    private final Options options;
    private final Report report;
    private int runs;

    LiveScenario(Session session, Options options, Report report) {
        this.session = session;
        this.options = options;
        this.report = report;
    }

    record Run(double p50, double p99, double delivered, double acceptedPerSecond) {
    }

    void run() throws Exception {
        System.out.printf("live: %d subscribers on /topic/board, commands at %s/s%n", options.subscribers(),
                options.liveRates());
        try (var subscribers = Subscribers.connect(session.api.baseUrl(), Session.AUDITOR, "/topic/board",
                options.subscribers())) {
            once(subscribers, 20, 1, false);
            once(subscribers, 20, 1, true);
            Integer fallsBehind = null;
            for (int rate : options.liveRates()) {
                List<Run> beacon = new ArrayList<>();
                List<Run> broker = new ArrayList<>();
                for (int rep = 0; rep < options.reps(); rep++) {
                    beacon.add(once(subscribers, rate, options.liveSeconds(), false));
                    session.awaitCaughtUp(-1, 10);
                    broker.add(once(subscribers, rate, options.liveSeconds(), true));
                }
                String label = rate + "/s";
                report.add(Row.paired("live", "accepted → frame at all, p50, " + label, "ms",
                        beacon.stream().map(Run::p50).toList(), "broker fan-out p50",
                        broker.stream().map(Run::p50).toList(), "Beacon from the command's 2xx; the broker baseline"
                                + " from sending its request (it publishes before answering)"));
                report.add(Row.paired("live", "accepted → frame at all, p99, " + label, "ms",
                        beacon.stream().map(Run::p99).toList(), "broker fan-out p99",
                        broker.stream().map(Run::p99).toList(), null));
                report.add(Row.paired("live", "delivered ≤ 5 s after last, " + label, "%",
                        beacon.stream().map(r -> r.delivered() * 100).toList(), "broker delivered",
                        broker.stream().map(r -> r.delivered() * 100).toList(),
                        "commands accepted/s: " + Report.num(Summary.of(beacon.stream()
                                .map(Run::acceptedPerSecond).toList()).median()) + " of " + rate + " offered"));
                var median = Summary.of(beacon.stream().map(Run::delivered).toList()).median();
                var accepted = Summary.of(beacon.stream().map(Run::acceptedPerSecond).toList()).median();
                if (fallsBehind == null && (median < 0.99 || accepted < 0.9 * rate)) {
                    fallsBehind = rate;
                }
                session.awaitCaughtUp(-1, 10);
            }
            int highest = options.liveRates().get(options.liveRates().size() - 1);
            report.add(Row.alone("live", "falls behind at", "/s",
                    List.of(fallsBehind == null ? Double.NaN : fallsBehind.doubleValue()),
                    fallsBehind == null ? "kept up at every rate up to " + highest + "/s"
                            : "lowest offered rate at which < 99% of frames arrived within 5 s of the last command,"
                            + " or < 90% of commands were accepted"));
        }
    }

    private Run once(Subscribers subscribers, int rate, double seconds, boolean baseline) throws Exception {
        String prefix = (baseline ? "B" : "L") + (++runs) + "-";
        subscribers.expect(prefix);
        int commands = Math.max(1, (int) Math.round(rate * seconds));
        AtomicLongArray accepted = new AtomicLongArray(commands);
        // Beacon: from the command's 2xx (what the operator saw). Broker: from sending the hook request, because the
        // hook publishes before it answers, so its frames usually beat its own 2xx.
        AtomicLongArray sent = new AtomicLongArray(commands);
        // Each command goes out at its own instant whatever the answers do; delays still count from the 2xx (and, for
        // the broker, from the actual send), so a send the timer made late is not counted against Beacon.
        var load = OpenLoop.start(commands, rate, index -> {
            String marker = prefix + index;
            sent.set(index, System.nanoTime());
            var response = baseline
                    ? session.api.postAsync(Session.ADMIN, "/api/admin/bench/broadcast?marker=" + marker, null)
                    : session.api.postAsync(Session.OPERATOR, "/api/incidents", Api.report(marker));
            return response.thenAccept(r -> {
                if (r.status() / 100 == 2) {
                    accepted.set(index, baseline ? sent.get(index) : System.nanoTime());
                }
            });
        });
        try {
            load.answered().get((long) seconds + 120, TimeUnit.SECONDS);
        } catch (Exception e) {
            System.out.println("  some commands did not complete: " + e);
        }
        long firstAccepted = Long.MAX_VALUE;
        long lastAccepted = 0;
        int acceptedCount = 0;
        for (int i = 0; i < commands; i++) {
            if (accepted.get(i) != 0) {
                acceptedCount++;
                firstAccepted = Math.min(firstAccepted, accepted.get(i));
                lastAccepted = Math.max(lastAccepted, accepted.get(i));
            }
        }
        // Completions per second over the span they came in (one interval added: N answers span N-1 intervals).
        double acceptedPerSecond = acceptedCount == 0 ? 0
                : acceptedCount / ((lastAccepted - firstAccepted) / 1e9 + 1.0 / rate);
        long expected = (long) acceptedCount * subscribers.size();
        long drainEnd = lastAccepted + (long) (DRAIN_SECONDS * 1e9);
        subscribers.awaitArrivals(expected, drainEnd);
        // Latency per (command, subscriber); a frame can beat the 2xx to the client, which counts as 0.
        List<Double> delays = new ArrayList<>();
        int delivered = 0;
        for (var arrival : subscribers.arrivals()) {
            if (arrival.marker() < commands && accepted.get(arrival.marker()) != 0 && arrival.nanos() <= drainEnd) {
                delays.add(Math.max(0, arrival.nanos() - accepted.get(arrival.marker())) / 1e6);
                delivered++;
            }
        }
        // The slowest subscriber decides when a row reached "every console": percentiles over every delivery, and a
        // delivery that never came is worse than any that did.
        for (long missing = expected - delivered; missing > 0; missing--) {
            delays.add(Double.POSITIVE_INFINITY);
        }
        var run = new Run(Summary.percentile(delays, 50), Summary.percentile(delays, 99),
                expected == 0 ? 0 : (double) delivered / expected, acceptedPerSecond);
        System.out.printf("  %s %d/s: %d accepted (%.0f/s), delivered %.1f%%, p50 %s ms, p99 %s ms;"
                        + " sent at most %.1f ms after its instant%n",
                baseline ? "broker" : "beacon", rate, acceptedCount, acceptedPerSecond, run.delivered() * 100,
                Report.num(run.p50()), Report.num(run.p99()), load.latestMillis());
        return run;
    }
}
