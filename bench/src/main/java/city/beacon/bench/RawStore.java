package city.beacon.bench;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.WriteConcern;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import org.bson.Document;
import org.bson.RawBsonDocument;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;

/** The baselines: what the raw driver gets from the same store, and what the disk under it gets. */
final class RawStore implements AutoCloseable {
    /** About the size of one stored event with its metadata. */
    private static final String PAYLOAD = "x".repeat(900);
    private final MongoClient client;
    private final MongoDatabase database;
    /**
     * Where the durable baseline writes: a database of its own, in a collection named like Beacon's event commits.
     * The embedded store decides by collection name which writes wait for the disk (only event commits and tokens
     * do), so any other name would measure writes answered from memory; on MongoDB the journaled write concern
     * decides, whatever the name.
     */
    private final MongoDatabase durable;

    RawStore(String uri, String databaseName) {
        this.client = MongoClients.create(MongoClientSettings.builder()
                .applyConnectionString(new ConnectionString(uri))
                .writeConcern(WriteConcern.MAJORITY.withJournal(true))
                .build());
        this.database = client.getDatabase(databaseName);
        this.durable = client.getDatabase(databaseName + "_raw");
    }

    MongoDatabase database() {
        return database;
    }

    record Throughput(double perSecond, double p50Millis, double p99Millis) {
    }

    /** Closed loop: each client inserts one ~1 KB document at a time, durably (journaled), for the given time. */
    Throughput durableInserts(int clients, double seconds) throws InterruptedException {
        var collection = durable.getCollection("event_commits");
        collection.drop();
        collection.insertOne(document(0, 0));
        List<Double> latencies = Collections.synchronizedList(new ArrayList<>());
        var done = new CountDownLatch(clients);
        var count = new AtomicLong();
        long start = System.nanoTime();
        long end = start + (long) (seconds * 1e9);
        for (int c = 0; c < clients; c++) {
            int client = c;
            new Thread(() -> {
                try {
                    for (long i = 1; System.nanoTime() < end; i++) {
                        long t0 = System.nanoTime();
                        collection.insertOne(document(client, i));
                        latencies.add((System.nanoTime() - t0) / 1e6);
                        count.incrementAndGet();
                    }
                } finally {
                    done.countDown();
                }
            }).start();
        }
        done.await();
        double elapsed = (System.nanoTime() - start) / 1e9;
        collection.drop();
        return new Throughput(count.get() / elapsed, Summary.percentile(latencies, 50),
                Summary.percentile(latencies, 99));
    }

    private static Document document(int client, long i) {
        return new Document("aggregateId", "bench-" + client + "-" + (i / 20)).append("seq", i % 20)
                .append("type", "city.beacon.api.incident.IncidentNoteAddedEvent")
                .append("meta", new Document("actorId", "operator").append("actorRole", "OPERATOR")
                        .append("correlationId", java.util.UUID.randomUUID().toString()))
                .append("payload", PAYLOAD);
    }

    /** Small writes, each forced to disk, in the given directory: the disk's fsync rate. */
    static double fsyncRate(Path directory, double seconds) throws IOException {
        Files.createDirectories(directory);
        Path file = directory.resolve("fsync-probe.bin");
        long count = 0;
        try (var channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            ByteBuffer block = ByteBuffer.allocate(512);
            long start = System.nanoTime();
            long end = start + (long) (seconds * 1e9);
            while (System.nanoTime() < end) {
                block.clear();
                channel.write(block);
                channel.force(true);
                count++;
            }
            double rate = count / ((System.nanoTime() - start) / 1e9);
            return rate;
        } finally {
            Files.deleteIfExists(file);
        }
    }

    record Scan(long documents, long bytes, double seconds) {
    }

    /** Reads a whole collection in natural order, as raw BSON. */
    Scan sequentialRead(String collectionName) {
        long start = System.nanoTime();
        long documents = 0;
        long bytes = 0;
        for (RawBsonDocument document : database.getCollection(collectionName, RawBsonDocument.class).find()
                .batchSize(1000)) {
            documents++;
            bytes += document.getByteBuffer().remaining();
        }
        return new Scan(documents, bytes, (System.nanoTime() - start) / 1e9);
    }

    /** The largest stored document per collection, in bytes (every document is read). */
    Map<String, Long> largestDocuments() {
        Map<String, Long> largest = new LinkedHashMap<>();
        for (String name : database.listCollectionNames()) {
            long max = 0;
            for (RawBsonDocument document : database.getCollection(name, RawBsonDocument.class).find()
                    .batchSize(500)) {
                max = Math.max(max, document.getByteBuffer().remaining());
            }
            largest.put(name, max);
        }
        return largest;
    }

    void dropDatabase() {
        durable.drop();
        database.drop();
    }

    @Override
    public void close() {
        client.close();
    }
}
