package city.beacon.infra.bench;

import city.beacon.api.board.FindBoardQuery;
import city.beacon.api.incident.IncidentScoped;
import city.beacon.infra.audit.AuditStore;
import city.beacon.infra.audit.RandomHistory;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * Audit targets (issue 12, docs/audit.md) over a store of random histories: an incident at an instant (target
 * ≤ 100 ms) and the board at an instant (≤ 1 s) at 10,000 incidents / 200,000 events, plus how fast the audit index,
 * board checkpoints and seals are built and how fast verification runs. Prints figures; asserts nothing.
 * Arguments: [events (200000)] [max open incidents (60)] [checkpoint interval (1000)].
 */
public final class AuditBenchmark {
    private static final int COMMIT = 1000;
    private static final int INDEX_BATCH = 1000;

    public static void main(String[] args) throws Exception {
        int events = args.length > 0 ? Integer.parseInt(args[0]) : 200_000;
        int maxOpen = args.length > 1 ? Integer.parseInt(args[1]) : 60;
        int interval = args.length > 2 ? Integer.parseInt(args[2]) : 1000;
        Path directory = Files.createTempDirectory("audit-bench");
        try (var store = new AuditStore(directory, interval)) {
            var generator = new RandomHistory(7, Instant.parse("2026-01-01T00:00:00Z"), maxOpen);
            List<DomainEventMessage<?>> history = generator.generate(events);
            System.out.printf("history: %,d events, %,d incidents, %s … %s%n", history.size(),
                    generator.incidentCount(), history.get(0).getTimestamp(),
                    history.get(history.size() - 1).getTimestamp());

            long start = System.nanoTime();
            for (int from = 0; from < history.size(); from += COMMIT) {
                store.engine.appendEvents(history.subList(from, Math.min(history.size(), from + COMMIT)));
            }
            report("append (commits of " + COMMIT + ")", history.size(), start);

            start = System.nanoTime();
            List<EventMessage<?>> batch = new ArrayList<>();
            try (var stream = store.engine.readEvents(null, false)) {
                for (var iterator = stream.iterator(); iterator.hasNext(); ) {
                    batch.add(iterator.next());
                    if (batch.size() == INDEX_BATCH || !iterator.hasNext()) {
                        store.indexProjection.indexAll(batch);
                        batch.clear();
                    }
                }
            }
            report("audit index (batches of " + INDEX_BATCH + ")", history.size(), start);

            start = System.nanoTime();
            store.checkpointer.catchUp(history.size());
            report("board checkpoints every " + interval, history.size(), start);

            start = System.nanoTime();
            store.sealer.sealThrough(history.size());
            report("sealing", history.size(), start);

            start = System.nanoTime();
            var verified = store.verification.run("bench", progress -> { });
            report("verify (" + verified.state() + " through " + verified.intactThrough() + ")", history.size(), start);

            var random = new Random(11);
            Instant first = history.get(0).getTimestamp();
            Instant last = history.get(history.size() - 1).getTimestamp();
            long span = last.toEpochMilli() - first.toEpochMilli();
            store.timeTravel.incident(incidentOf(history.get(0)), last);   // warm-up
            store.timeTravel.board(last, FindBoardQuery.everything());

            double[] incidentMillis = new double[300];
            for (int i = 0; i < incidentMillis.length; i++) {
                var event = history.get(random.nextInt(history.size()));
                Instant at = event.getTimestamp().plusMillis(random.nextInt(3_600_000));
                long t = System.nanoTime();
                store.timeTravel.incident(incidentOf(event), at.isAfter(last) ? last : at);
                incidentMillis[i] = (System.nanoTime() - t) / 1e6;
            }
            print("incident at T", incidentMillis, 100);

            double[] boardMillis = new double[60];
            int rows = 0;
            for (int i = 0; i < boardMillis.length; i++) {
                Instant at = first.plusMillis((long) (random.nextDouble() * span));
                long t = System.nanoTime();
                rows += store.timeTravel.board(at, FindBoardQuery.everything()).rows().size();
                boardMillis[i] = (System.nanoTime() - t) / 1e6;
            }
            print("board at T (" + rows / boardMillis.length + " rows on average)", boardMillis, 1000);
        }
        System.exit(0);
    }

    private static String incidentOf(DomainEventMessage<?> event) {
        return ((IncidentScoped) event.getPayload()).incidentId().value();
    }

    private static void report(String what, int events, long startNanos) {
        double seconds = (System.nanoTime() - startNanos) / 1e9;
        System.out.printf("%-45s %,10d events in %7.1f s = %,9.0f events/s%n", what, events, seconds, events / seconds);
    }

    private static void print(String what, double[] millis, int targetMillis) {
        double[] sorted = millis.clone();
        Arrays.sort(sorted);
        System.out.printf("%-45s median %7.1f ms, p95 %7.1f ms, max %7.1f ms (target ≤ %d ms) over %d samples%n",
                what, sorted[sorted.length / 2], sorted[(int) (sorted.length * 0.95)], sorted[sorted.length - 1],
                targetMillis, sorted.length);
    }

    private AuditBenchmark() { }
}
