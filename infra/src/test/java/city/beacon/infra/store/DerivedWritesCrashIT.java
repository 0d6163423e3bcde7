package city.beacon.infra.store;

import city.beacon.infra.eventstore.QuietLogs;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A crash may take back derived writes, but only a suffix of them, and never an acknowledged event commit: the store
 * writes in order, so an event commit makes every derived write answered before it durable too. The application
 * halts in a child JVM ({@link DeriveThenHalt}) while a projection and three command writers are busy.
 */
class DerivedWritesCrashIT {
    @TempDir
    Path directory;

    @Test
    void aCrashLosesNoAcknowledgedEventCommitAndAtMostASuffixOfDerivedWrites() throws Exception {
        Path file = directory.resolve("halted.mv");
        List<String> commits = new ArrayList<>();
        int lastRowBeforeACommit = -1;
        int lastRowAcknowledged = -1;
        Process child = java(DeriveThenHalt.class.getName(), file.toString(), "400");
        try (var out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                if (line.startsWith("COMMIT ")) {
                    commits.add(line.substring(7));
                    if (line.startsWith("COMMIT after-row-")) {
                        lastRowBeforeACommit = Integer.parseInt(line.substring("COMMIT after-row-".length()));
                    }
                } else if (line.startsWith("DERIVED ")) {
                    lastRowAcknowledged = Integer.parseInt(line.substring(8));
                }
            }
        }
        assertThat(child.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(commits).hasSizeGreaterThanOrEqualTo(400);
        assertThat(lastRowBeforeACommit).isGreaterThanOrEqualTo(4);

        QuietLogs.apply();
        try (var store = EmbeddedStore.start(file, "127.0.0.1", 0);
             MongoClient client = MongoClients.create(store.connectionString())) {
            var database = client.getDatabase("beacon");
            var stored = new TreeSet<String>();
            database.getCollection(DurableCollections.EVENT_COMMITS).find()
                    .forEach(d -> stored.add(d.getString("_id")));
            assertThat(stored).as("acknowledged event commits after the halt").containsAll(commits);

            var rows = new TreeSet<Integer>();
            database.getCollection(DeriveThenHalt.READ_MODEL).find()
                    .forEach((Document d) -> rows.add(d.getInteger("_id")));
            assertThat(rows).as("rows written before an acknowledged event commit").isNotEmpty();
            assertThat(rows.first()).isZero();
            assertThat(rows.last()).as("every row up to the last acknowledged event commit after it survives")
                    .isGreaterThanOrEqualTo(lastRowBeforeACommit)
                    .isLessThanOrEqualTo(lastRowAcknowledged + 1);
            assertThat(rows).as("what was lost is a suffix: no row missing below the last one kept")
                    .hasSize(rows.last() + 1);
        }
    }

    private static Process java(String mainClass, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), mainClass));
        command.addAll(List.of(args));
        return new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
    }
}
