package city.beacon.infra.store;

import city.beacon.infra.eventstore.QuietLogs;
import com.mongodb.client.MongoClients;
import org.bson.Document;

import java.nio.file.Path;

/**
 * Run in a child JVM by {@link DerivedWritesCrashIT}: one thread writes read-model rows one after another (derived
 * writes) and an event commit after every fifth row; three more threads write event commits. Every acknowledgment is
 * printed, and the JVM halts (no shutdown hooks, no store close) right after the requested number of acknowledged
 * event commits.
 */
public final class DeriveThenHalt {
    static final String READ_MODEL = "board";

    private static int commitsBeforeHalt;
    private static int acknowledgedCommits;

    private DeriveThenHalt() {
    }

    public static void main(String[] args) {
        Path file = Path.of(args[0]);
        commitsBeforeHalt = Integer.parseInt(args[1]);
        QuietLogs.apply();
        var store = EmbeddedStore.start(file, "127.0.0.1", 0);
        var database = MongoClients.create(store.connectionString()).getDatabase("beacon");
        var readModel = database.getCollection(READ_MODEL);
        var events = database.getCollection(DurableCollections.EVENT_COMMITS);
        new Thread(() -> {
            for (int row = 0; ; row++) {
                readModel.insertOne(new Document("_id", row));
                acknowledge("DERIVED " + row, false);
                if (row % 5 == 4) {
                    events.insertOne(new Document("_id", "after-row-" + row));
                    acknowledge("COMMIT after-row-" + row, true);
                }
            }
        }, "projection").start();
        for (int t = 0; t < 3; t++) {
            String writer = "writer-" + t;
            new Thread(() -> {
                for (int n = 0; ; n++) {
                    events.insertOne(new Document("_id", writer + "-" + n));
                    acknowledge("COMMIT " + writer + "-" + n, true);
                }
            }, writer).start();
        }
    }

    private static void acknowledge(String line, boolean eventCommit) {
        synchronized (System.out) {
            System.out.println(line);
            System.out.flush();
            if (eventCommit && ++acknowledgedCommits >= commitsBeforeHalt) {
                Runtime.getRuntime().halt(0);
            }
        }
    }
}
