package city.beacon.infra.store;

import city.beacon.infra.eventstore.QuietLogs;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/** Concurrent writers share commits: durability costs far fewer disk commits than writes. */
class GroupCommitTest {
    @TempDir
    Path directory;

    @Test
    void concurrentWritesAreCommittedInGroups() throws Exception {
        QuietLogs.apply();
        try (var store = EmbeddedStore.start(directory.resolve("group.mv"), "127.0.0.1", 0);
             MongoClient client = MongoClients.create(store.connectionString())) {
            var events = client.getDatabase("beacon").getCollection(DurableCollections.EVENT_COMMITS);
            events.insertOne(new Document("_id", -1));   // create the collection outside the measurement
            long before = store.commits();
            ExecutorService pool = Executors.newFixedThreadPool(8);
            List<Future<?>> writers = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                int writer = t;
                writers.add(pool.submit(() -> {
                    for (int n = 0; n < 150; n++) {
                        events.insertOne(new Document("_id", writer * 1_000 + n));
                    }
                }));
            }
            for (Future<?> writer : writers) {
                writer.get();
            }
            pool.shutdown();

            long commits = store.commits() - before;
            assertThat(events.countDocuments()).isEqualTo(1_201);
            assertThat(commits).isPositive().isLessThan(1_200);
            System.out.printf("group commit: 1200 acknowledged inserts from 8 threads took %d store commits%n", commits);
        }
    }
}
