package city.beacon.infra.bench;

import city.beacon.infra.eventstore.QuietLogs;
import city.beacon.infra.store.DurableCollections;
import city.beacon.infra.store.EmbeddedStore;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import org.bson.Document;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The embedded store's durable path against its disk, measured in one run because the disk's fsync rate drifts from
 * run to run: (a) a write + force loop of 1 KB writes in the store's directory, (b) the raw driver inserting
 * event-sized (~1 KB) documents into the event commit collection (acknowledged only once on disk) with 1 and 16
 * clients, and (c) the same inserts into a derived collection, which the store answers without waiting for the disk.
 * The fsync rate is taken before, between and after the durable phases (it drifts on a shared machine); each rate is
 * printed with its ratio to their mean. Not a test.
 * <p>
 * Arguments: [directory (default target/store-bench)] [seconds per phase (default 8)].
 */
public final class StoreDurabilityBenchmark {
    private static final int DOCUMENT_BYTES = 1_000;

    private StoreDurabilityBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        QuietLogs.apply();
        Path directory = Path.of(args.length > 0 ? args[0] : "target/store-bench").toAbsolutePath();
        long seconds = args.length > 1 ? Long.parseLong(args[1]) : 8;
        Files.createDirectories(directory);
        Path file = directory.resolve("bench-" + System.nanoTime() + ".mv");
        try {
            double[] fsync = new double[3];
            double[] durable = new double[2];
            long[] commits = new long[2];
            double[] cpuMicros = new double[2];
            double[] diskBytes = new double[2];
            double derived;
            try (var store = EmbeddedStore.start(file, "127.0.0.1", 0);
                 MongoClient client = MongoClients.create(store.connectionString())) {
                var database = client.getDatabase("bench");
                var events = database.getCollection(DurableCollections.EVENT_COMMITS);
                insertRate(events, 4, seconds / 2);   // warm-up: JIT, connections, collection creation
                // The disk's rate drifts on a shared machine: measure it around each phase and compare with the mean.
                fsync[0] = fsyncRate(directory, seconds);
                long before = store.commits();
                long cpu = processCpuNanos();
                long written = bytesWrittenToDisk();
                durable[0] = insertRate(events, 1, seconds);
                cpuMicros[0] = (processCpuNanos() - cpu) / 1e3 / (durable[0] * seconds);
                diskBytes[0] = (bytesWrittenToDisk() - written) / (durable[0] * seconds);
                commits[0] = store.commits() - before;
                fsync[1] = fsyncRate(directory, seconds);
                before = store.commits();
                cpu = processCpuNanos();
                written = bytesWrittenToDisk();
                durable[1] = insertRate(events, 16, seconds);
                cpuMicros[1] = (processCpuNanos() - cpu) / 1e3 / (durable[1] * seconds);
                diskBytes[1] = (bytesWrittenToDisk() - written) / (durable[1] * seconds);
                commits[1] = store.commits() - before;
                fsync[2] = fsyncRate(directory, seconds);
                var readModel = database.getCollection("bench_read_model");
                insertRate(readModel, 4, seconds / 2);
                derived = insertRate(readModel, 16, seconds);
                long documents = events.countDocuments() + readModel.countDocuments();
                System.out.printf("store file: %,d bytes for %,d documents (%,d bytes each)%n", Files.size(file),
                        documents, Files.size(file) / Math.max(1, documents));
            }
            double disk = (fsync[0] + fsync[1] + fsync[2]) / 3;
            System.out.printf("store directory: %s; fsync rate per phase: %,.0f / %,.0f / %,.0f%n", directory,
                    fsync[0], fsync[1], fsync[2]);
            System.out.println("| figure | per second | ratio to fsync rate | inserts per store commit "
                    + "| CPU µs per insert (client + store) | bytes to disk per insert |");
            System.out.println("|---|---|---|---|---|---|");
            System.out.printf("| disk: write 1 KB + force (mean) | %,.0f | 1.00 | | | |%n", disk);
            for (int i = 0; i < 2; i++) {
                System.out.printf("| raw driver, durable inserts, %d client%s | %,.0f | %.2f | %.1f | %.0f | %,.0f |%n",
                        i == 0 ? 1 : 16, i == 0 ? "" : "s", durable[i], durable[i] / disk,
                        durable[i] * seconds / Math.max(1, commits[i]), cpuMicros[i], diskBytes[i]);
            }
            System.out.printf("| raw driver, derived inserts, 16 clients | %,.0f | %.2f | | | |%n", derived,
                    derived / disk);
        } finally {
            try (var files = Files.list(directory)) {
                for (Path p : files.filter(p -> p.getFileName().toString().startsWith("bench-")).toList()) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    /** What this process has had written to the block device so far (Linux {@code /proc/self/io}), 0 elsewhere. */
    private static long bytesWrittenToDisk() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/io"))) {
                if (line.startsWith("write_bytes:")) {
                    return Long.parseLong(line.substring("write_bytes:".length()).trim());
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux: the column stays 0
        }
        return 0;
    }

    /** Small appends, each forced to the disk before the next, as a commit log would. */
    private static double fsyncRate(Path directory, long seconds) throws IOException {
        Path probe = directory.resolve("bench-fsync-" + System.nanoTime());
        ByteBuffer block = ByteBuffer.allocate(DOCUMENT_BYTES);
        try (FileChannel channel = FileChannel.open(probe, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            long deadline = System.nanoTime() + seconds * 1_000_000_000L;
            long start = System.nanoTime();
            long forces = 0;
            while (System.nanoTime() < deadline) {
                block.clear();
                channel.write(block);
                channel.force(true);   // what the MVStore's sync does
                forces++;
            }
            return forces / ((System.nanoTime() - start) / 1e9);
        } finally {
            Files.deleteIfExists(probe);
        }
    }

    private static double insertRate(MongoCollection<Document> collection, int clients, long seconds)
            throws InterruptedException {
        String payload = "x".repeat(DOCUMENT_BYTES - 100);
        var inserted = new AtomicLong();
        long deadline = System.nanoTime() + seconds * 1_000_000_000L;
        List<Thread> threads = new ArrayList<>();
        System.err.printf("%s: %d client(s) into %s%n", java.time.Instant.now(), clients,
                collection.getNamespace().getCollectionName());
        long start = System.nanoTime();
        for (int c = 0; c < clients; c++) {
            String aggregate = "bench-" + c + "-" + System.nanoTime();
            Thread thread = new Thread(() -> {
                for (long seq = 0; System.nanoTime() < deadline; seq++) {
                    collection.insertOne(new Document("aggregateId", aggregate).append("sequence", seq)
                            .append("type", "IncidentReportedEvent").append("payload", payload));
                    inserted.incrementAndGet();
                }
            });
            thread.start();
            threads.add(thread);
        }
        for (Thread thread : threads) {
            thread.join();
        }
        return inserted.get() / ((System.nanoTime() - start) / 1e9);
    }
}
