package city.beacon.infra.store;

import com.mongodb.MongoException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadLocalRandom;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Several clients changing and removing the same documents at once, as two nodes' deadline servers do with their
 * jobs: every write either applies or finds nothing to change, as on MongoDB; none fails inside the store.
 */
class ConcurrentWritesTest {
    private static final int DOCUMENTS = 20;
    private static final int ROUNDS = 400;
    @TempDir
    Path data;
    private EmbeddedStore store;
    private MongoClient client;

    @BeforeEach
    void start() {
        store = EmbeddedStore.start(data.resolve("writes.mv"), "127.0.0.1", 0);
        client = MongoClients.create(store.connectionString());
    }

    @AfterEach
    void stop() {
        client.close();
        store.close();
    }

    @Test
    void updatesAndDeletesOfTheSameDocumentsNeverFailInsideTheStore() throws Exception {
        MongoCollection<Document> jobs = client.getDatabase("beacon").getCollection("jobs");
        jobs.createIndex(Indexes.ascending("state", "scheduledAt"));
        jobs.createIndex(Indexes.ascending("key"), new IndexOptions().unique(true).sparse(true));
        for (int i = 0; i < DOCUMENTS; i++) {
            jobs.insertOne(job(i, 0));
        }
        var failures = new ConcurrentLinkedQueue<String>();
        var go = new CountDownLatch(1);
        List<Thread> clients = List.of(
                started(() -> run(go, failures, id -> jobs.updateOne(Filters.eq("_id", id),
                        Updates.combine(Updates.inc("version", 1), Updates.set("state", "PROCESSING"))))),
                started(() -> run(go, failures, id -> jobs.replaceOne(Filters.eq("_id", id),
                        job(Integer.parseInt(id.substring(4)), 7), new ReplaceOptions()))),
                started(() -> run(go, failures, id -> jobs.findOneAndUpdate(Filters.eq("_id", id),
                        Updates.set("state", "SUCCEEDED")))),
                started(() -> run(go, failures, id -> {
                    jobs.deleteOne(Filters.eq("_id", id));
                    try {
                        jobs.insertOne(job(Integer.parseInt(id.substring(4)), 0));
                    } catch (MongoException duplicate) {
                        // another client's replace put it back first: as on MongoDB
                    }
                })));
        go.countDown();
        for (var thread : clients) {
            thread.join();
        }

        assertThat(failures).as("writes that failed inside the store").isEmpty();
    }

    private static Thread started(Runnable client) {
        var thread = new Thread(client);
        thread.start();
        return thread;
    }

    private static void run(CountDownLatch go, ConcurrentLinkedQueue<String> failures,
                            java.util.function.Consumer<String> write) {
        try {
            go.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        for (int round = 0; round < ROUNDS; round++) {
            String id = "job-" + ThreadLocalRandom.current().nextInt(DOCUMENTS);
            try {
                write.accept(id);
            } catch (MongoException e) {
                if (e.getCode() != 11000) {   // a duplicate key is MongoDB's answer too
                    failures.add(e.getMessage());
                }
            }
        }
    }

    private static Document job(int n, int version) {
        return new Document("_id", "job-" + n).append("version", version).append("state", "SCHEDULED")
                .append("scheduledAt", 1_000L + n).append("key", "k-" + n);
    }
}
