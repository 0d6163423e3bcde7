package city.beacon.infra.store;

import city.beacon.infra.eventstore.QuietLogs;
import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.MongoCommandException;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * The embedded store below its free-space floor: every write is refused with MongoDB's OutOfDiskSpace before it
 * touches the file, reads go on, the file stays healthy, and writes are taken again once the floor is met, without
 * a restart. Beacon's side recognises the refusal as a store failure (503) and a duplicate key as none (409).
 */
class DiskFloorTest {
    /** Far above any disk's free space. */
    private static final long UNREACHABLE_FLOOR = Long.MAX_VALUE / 2;

    @TempDir
    Path directory;

    private final StoreWrites writes = new StoreWrites(Clock.systemUTC());
    private final List<StoreWrites.State> transitions = new CopyOnWriteArrayList<>();
    private Path file;
    private EmbeddedStore store;
    private MongoClient client;
    private MongoCollection<Document> commits;
    private MongoCollection<Document> board;

    @BeforeEach
    void start() {
        QuietLogs.apply();
        file = directory.resolve("floor.mv");
        store = EmbeddedStore.start(file, "127.0.0.1", 0);
        writes.onChange(transitions::add);
        client = MongoClients.create(MongoClientSettings.builder()
                .applyConnectionString(new ConnectionString(store.connectionString()))
                .addCommandListener(writes).build());
        MongoDatabase database = client.getDatabase("beacon");
        commits = database.getCollection(DurableCollections.EVENT_COMMITS);
        board = database.getCollection("board");
    }

    @AfterEach
    void stop() {
        client.close();
        store.close();
    }

    @Test
    void belowTheFloorEveryWriteIsRefusedAsOutOfDiskSpaceAndNothingOfItIsStored() {
        commits.insertOne(new Document("_id", 1));
        board.insertOne(new Document("_id", "incident-1").append("status", "REPORTED"));

        assertThat(setFloor(UNREACHABLE_FLOOR).get("was", Number.class).longValue())
                .isEqualTo(DiskSpaceFloor.DEFAULT.toBytes());

        var commit = catchThrowableOfType(() -> commits.insertOne(new Document("_id", 2)),
                MongoCommandException.class);
        assertThat(commit.getErrorCode()).isEqualTo(14031);
        assertThat(commit.getErrorCodeName()).isEqualTo("OutOfDiskSpace");
        assertThat(commit.getErrorMessage()).startsWith("the event store refused the write: only ")
                .contains("below its floor of");
        var derived = catchThrowableOfType(() -> board.updateOne(Filters.eq("_id", "incident-1"),
                Updates.set("status", "CLOSED")), MongoCommandException.class);
        assertThat(derived.getErrorCode()).as("a derived write too").isEqualTo(14031);

        assertThat(commits.countDocuments()).as("reads go on").isEqualTo(1);
        assertThat(board.find(Filters.eq("_id", "incident-1")).first().getString("status")).isEqualTo("REPORTED");
    }

    @Test
    void beaconTellsTheClientTheStoreRefusedTheWriteForWantOfSpaceAndHealthSeesItUntilAWriteIsTakenAgain() {
        commits.insertOne(new Document("_id", 1));
        setFloor(UNREACHABLE_FLOOR);
        var refused = catchThrowableOfType(() -> commits.insertOne(new Document("_id", 2)),
                MongoCommandException.class);

        var failures = new MongoStoreFailures();
        var wrapped = new IllegalStateException("as Axon wraps it", refused);
        assertThat(failures.isStoreFailure(wrapped)).isTrue();
        assertThat(failures.reason(wrapped)).isEqualTo("the event store refused the write: no space left on its disk");
        assertThat(writes.state().accepting()).isFalse();
        assertThat(writes.state().detail()).contains("below its floor of");

        setFloor(0);
        commits.insertOne(new Document("_id", 2));
        assertThat(writes.state().accepting()).isTrue();
        assertThat(transitions).extracting(StoreWrites.State::accepting).containsExactly(false, true);
    }

    @Test
    void aDuplicateKeyIsAConflictNotARefusal() {
        commits.insertOne(new Document("_id", 1));
        var duplicate = catchThrowableOfType(() -> commits.insertOne(new Document("_id", 1)),
                MongoWriteException.class);
        assertThat(new MongoStoreFailures().isStoreFailure(duplicate)).isFalse();
        assertThat(writes.state().accepting()).isTrue();
        assertThat(transitions).isEmpty();
    }

    @Test
    void onceTheFloorIsMetWritesAreTakenAgainAndTheFileKeepsEveryAcknowledgedWrite() {
        commits.insertOne(new Document("_id", 1));
        setFloor(UNREACHABLE_FLOOR);
        catchThrowableOfType(() -> commits.insertOne(new Document("_id", 2)), MongoCommandException.class);
        setFloor("1MB");
        commits.insertOne(new Document("_id", 3));
        client.close();
        store.close();

        store = EmbeddedStore.start(file, "127.0.0.1", 0);
        client = MongoClients.create(store.connectionString());
        var reopened = client.getDatabase("beacon").getCollection(DurableCollections.EVENT_COMMITS);
        assertThat(reopened.find().map(d -> d.getInteger("_id")).into(new java.util.ArrayList<>()))
                .containsExactlyInAnyOrder(1, 3);
    }

    @Test
    void aFloorThatIsNoSizeIsRefusedAndTheOldOneKept() {
        var bad = catchThrowableOfType(() -> setFloor("lots"), MongoCommandException.class);
        assertThat(bad.getErrorCode()).isEqualTo(2);
        assertThat(bad.getErrorMessage()).contains("beaconMinFreeSpace");
        commits.insertOne(new Document("_id", 1));
    }

    private Document setFloor(Object value) {
        return client.getDatabase("admin").runCommand(new Document("setParameter", 1)
                .append(DurableBackend.MIN_FREE_SPACE_PARAMETER, value));
    }
}
