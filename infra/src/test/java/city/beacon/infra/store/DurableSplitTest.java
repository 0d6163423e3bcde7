package city.beacon.infra.store;

import city.beacon.infra.eventstore.QuietLogs;
import com.mongodb.MongoNamespace;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Only what a client is told is durable waits for the disk: an event commit is answered after a store commit, a
 * derived write (read model, token, counter) and a read of derived data without one. Housekeeping is slowed down so
 * that every commit counted here is one a command caused.
 */
class DurableSplitTest {
    @TempDir
    Path directory;

    private EmbeddedStore store;
    private MongoClient client;

    @BeforeEach
    void start() {
        QuietLogs.apply();
        store = EmbeddedStore.start(directory.resolve("split.mv"), "127.0.0.1", 0, Duration.ofHours(1));
        client = MongoClients.create(store.connectionString());
    }

    @AfterEach
    void stop() {
        client.close();
        store.close();
    }

    @Test
    void derivedWritesAreAnsweredWithoutAStoreCommit() {
        var database = client.getDatabase("beacon");
        var board = database.getCollection("board");
        board.insertOne(new Document("_id", "warm-up"));   // creating a collection is a durable command
        long before = store.commits();

        board.insertOne(new Document("_id", "incident-1").append("status", "REPORTED"));
        board.replaceOne(Filters.eq("_id", "incident-2"), new Document("status", "REPORTED"),
                new ReplaceOptions().upsert(true));
        board.updateOne(Filters.eq("_id", "incident-1"), Updates.set("status", "CLOSED"));
        board.deleteOne(Filters.eq("_id", "incident-2"));
        board.findOneAndUpdate(Filters.eq("_id", "incident-1"), Updates.inc("version", 1));
        var row = board.find(Filters.eq("_id", "incident-1")).first();

        assertThat(store.commits()).isEqualTo(before);
        assertThat(row).isNotNull();
        assertThat(row.getString("status")).isEqualTo("CLOSED");
    }

    @Test
    void anEventCommitIsAnsweredOnlyAfterAStoreCommit() {
        var commits = client.getDatabase("beacon").getCollection(DurableCollections.EVENT_COMMITS);
        commits.insertOne(new Document("_id", 0));
        for (int n = 1; n <= 3; n++) {
            long before = store.commits();
            commits.insertOne(new Document("_id", n));
            assertThat(store.commits()).as("store commits for event commit %d", n).isEqualTo(before + 1);
        }
    }

    @Test
    void aTokenIsAnsweredOnlyAfterAStoreCommitThatIncludesTheDocumentsWrittenBeforeIt() {
        var database = client.getDatabase("beacon");
        var board = database.getCollection("board");
        var tokens = database.getCollection(DurableCollections.TRACKING_TOKENS);
        board.insertOne(new Document("_id", "warm-up"));
        tokens.insertOne(new Document("_id", "warm-up"));
        long before = store.commits();

        board.insertOne(new Document("_id", "row-1"));
        tokens.updateOne(Filters.eq("_id", "incident-board/0"), Updates.set("token", 7),
                new UpdateOptions().upsert(true));

        assertThat(store.commits()).isEqualTo(before + 1);
    }

    @Test
    void aClaimExtensionIsAnsweredWithoutAStoreCommitButATokenUpdateIsNot() {
        var tokens = client.getDatabase("beacon").getCollection(DurableCollections.TRACKING_TOKENS);
        var claim = Filters.and(Filters.eq("processorName", "incident-detail"), Filters.eq("segment", 0),
                Filters.eq("owner", "node-1"));
        tokens.insertOne(new Document("processorName", "incident-detail").append("segment", 0)
                .append("owner", "node-1").append("timestamp", 1L));
        long before = store.commits();

        tokens.updateOne(claim, Updates.set("timestamp", 2L));   // what axon-mongo's extendClaim sends

        assertThat(store.commits()).isEqualTo(before);
        assertThat(tokens.find(claim).first().getLong("timestamp")).isEqualTo(2L);

        tokens.updateOne(claim, Updates.combine(Updates.set("token", "7"), Updates.set("timestamp", 3L)));
        assertThat(store.commits()).isEqualTo(before + 1);
    }

    @Test
    void anEventCommitMakesTheDerivedWritesBeforeItDurableInTheSameCommit() {
        var database = client.getDatabase("beacon");
        var board = database.getCollection("board");
        var commits = database.getCollection(DurableCollections.EVENT_COMMITS);
        commits.insertOne(new Document("_id", 0));
        board.insertOne(new Document("_id", "warm-up"));
        long before = store.commits();

        for (int n = 0; n < 5; n++) {
            board.insertOne(new Document("_id", "row-" + n));
        }
        commits.insertOne(new Document("_id", 1));

        assertThat(store.commits()).isEqualTo(before + 1);
    }

    @Test
    void aCommandWhoseTargetCannotBeToldIsTreatedAsDurable() {
        var database = client.getDatabase("beacon");
        database.getCollection("board").insertOne(new Document("_id", "warm-up"));
        long before = store.commits();

        database.getCollection("board").renameCollection(new MongoNamespace("beacon", "board_old"));

        assertThat(store.commits()).isEqualTo(before + 1);
    }
}
