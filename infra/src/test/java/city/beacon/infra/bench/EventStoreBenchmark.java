package city.beacon.infra.bench;

import city.beacon.infra.eventstore.QuietLogs;
import com.mongodb.MongoCommandException;
import com.mongodb.client.MongoCollection;
import org.bson.Document;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.LongStream;

import static com.mongodb.client.model.Filters.in;

/**
 * Prints the figures behind docs/event-store.md: append rate (1 and 8 threads), aggregate load time (50 events
 * vs 10,000 with snapshots), and tracking rate, with the store holding ~10k and ~200k events, for Beacon's engine
 * and axon-mongo's MongoEventStorageEngine, each on a fresh embedded store with group commit. Not a test: a run
 * takes minutes. Arguments: the store sizes (default "10000 200000").
 */
public final class EventStoreBenchmark {
    private EventStoreBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        QuietLogs.apply();
        List<Long> sizes = new ArrayList<>();
        for (String arg : args) {
            sizes.add(Long.parseLong(arg));
        }
        if (sizes.isEmpty()) {
            sizes = List.of(10_000L, 200_000L);
        }
        System.out.println("| engine | filler events | append 1 thread ev/s | append 8 threads ev/s "
                + "| load 50 ev ms | load 10,000 ev + snapshot ms | load 10,000 ev no snapshot ms | tracking ev/s |");
        System.out.println("|---|---|---|---|---|---|---|---|");
        for (long size : sizes) {
            for (BenchTarget.Kind kind : BenchTarget.Kind.values()) {
                measure(kind, size);
            }
        }
    }

    private static void measure(BenchTarget.Kind kind, long filler) throws Exception {
        Path directory = Files.createTempDirectory("beacon-bench-");
        try (var target = new BenchTarget(kind, directory)) {
            var workload = new Workload(target);
            long start = System.nanoTime();
            workload.fillCommits(filler);
            workload.writeMeasuredAggregates();
            System.err.printf("%s: filled %,d + 10,050 events in %.0f s%n", kind, filler,
                    (System.nanoTime() - start) / 1e9);
            double append1 = workload.appendRate(1, 1_000);
            double append8 = workload.appendRate(8, 250);
            double loadSmall = workload.loadMillis(Workload.SMALL, 21);
            double loadLarge = workload.loadMillis(Workload.LARGE, 21);
            double loadFull = fullReplayMillis(target);
            double tracking = workload.trackingRate(20_000);
            System.out.printf("| %s | %,d | %,.0f | %,.0f | %.1f | %.1f | %.0f | %,.0f |%n", kind, filler, append1,
                    append8, loadSmall, loadLarge, loadFull, tracking);
            if (kind == BenchTarget.Kind.BEACON) {
                explain(target);
            }
        }
    }

    private static double fullReplayMillis(BenchTarget target) {
        long start = System.nanoTime();
        target.engine.readEvents(Workload.LARGE, 0).asStream().count();
        return (System.nanoTime() - start) / 1e6;
    }

    /** What the embedded server says about the two hot reads, and how long each takes at this size. */
    private static void explain(BenchTarget target) {
        MongoCollection<Document> commits = target.database.getCollection("event_commits");
        List<Long> positions = LongStream.rangeClosed(5_001, 5_100).boxed().toList();
        List<String> keys = LongStream.range(9_950, 10_000).mapToObj(seq -> Workload.LARGE + ":" + seq).toList();
        try {
            System.out.println("explain stream read: " + commits.find(in("positions", positions)).explain().toJson());
            System.out.println("explain aggregate read: " + commits.find(in("aggregateKeys", keys)).explain().toJson());
        } catch (MongoCommandException e) {
            // mongo-java-server 1.47 has no explain command; the timings below are the evidence instead.
            System.out.println("explain: not supported by this server (" + e.getErrorMessage() + ")");
        }
        System.out.printf("stream batch ($in 100 positions): %.2f ms; aggregate read ($in 50 keys): %.2f ms;"
                        + " range scan {positions: {$gt: 5000}} sorted, limit 100: %.2f ms%n",
                median(() -> commits.find(in("positions", positions)).into(new ArrayList<>())),
                median(() -> commits.find(in("aggregateKeys", keys)).into(new ArrayList<>())),
                median(() -> commits.find(new Document("positions", new Document("$gt", 5_000L)))
                        .sort(new Document("_id", 1)).limit(100).into(new ArrayList<>())));
    }

    private static double median(Runnable query) {
        double[] millis = new double[11];
        for (int i = 0; i < millis.length; i++) {
            long start = System.nanoTime();
            query.run();
            millis[i] = (System.nanoTime() - start) / 1e6;
        }
        Arrays.sort(millis);
        return millis[millis.length / 2];
    }
}
