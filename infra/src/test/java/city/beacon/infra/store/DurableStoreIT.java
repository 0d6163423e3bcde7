package city.beacon.infra.store;

import city.beacon.infra.eventstore.BeaconEventStorageEngine;
import city.beacon.infra.eventstore.QuietLogs;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import org.axonframework.serialization.json.JacksonSerializer;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * An acknowledged write survives the abrupt death of the process that holds the store: the embedded store inside an
 * application (halted right after acknowledging) and the standalone store process (killed while clients write).
 */
class DurableStoreIT {
    @TempDir
    Path directory;

    @Test
    void everyEventAcknowledgedBeforeTheApplicationHaltsIsThereAfterReopening() throws Exception {
        Path file = directory.resolve("halted.mv");
        Process child = java(AppendThenHalt.class.getName(), file.toString(), "400");
        List<String> acknowledged = new ArrayList<>();
        try (var out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                if (line.startsWith("ACK ")) {
                    acknowledged.add(line.substring(4));
                }
            }
        }
        assertThat(child.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(acknowledged).hasSizeGreaterThanOrEqualTo(400);

        try (var store = EmbeddedStore.start(file, "127.0.0.1", 0);
             MongoClient client = MongoClients.create(store.connectionString())) {
            var engine = BeaconEventStorageEngine.builder().database(client.getDatabase("beacon"))
                    .eventSerializer(JacksonSerializer.defaultSerializer()).build();
            for (String ack : acknowledged) {
                String[] parts = ack.split(" ");
                assertThat(engine.readEvents(parts[0], Long.parseLong(parts[1])).hasNext())
                        .as("acknowledged event %s after the halt", ack).isTrue();
            }
        }
    }

    @Test
    void everyWriteAcknowledgedByTheStandaloneStoreSurvivesItsKill() throws Exception {
        QuietLogs.apply();
        Path file = directory.resolve("standalone.mv");
        int port = freePort();
        Process store = java(StandaloneStore.class.getName(), "--beacon.embedded-store.path=" + file,
                "--beacon.embedded-store.port=" + port);
        var out = new BufferedReader(new InputStreamReader(store.getInputStream(), StandardCharsets.UTF_8));
        for (String line = out.readLine(); line != null && !line.startsWith("Beacon store listening"); ) {
            line = out.readLine();
        }
        Set<Integer> acknowledged = ConcurrentHashMap.newKeySet();
        List<Thread> writers = new ArrayList<>();
        try (MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + port + "/?serverSelectionTimeoutMS=20000")) {
            MongoCollection<Document> events =
                    client.getDatabase("beacon").getCollection(DurableCollections.EVENT_COMMITS);
            for (int t = 0; t < 4; t++) {
                int writer = t;
                Thread thread = new Thread(() -> {
                    try {
                        for (int n = writer; ; n += 4) {
                            events.insertOne(new Document("_id", n));
                            acknowledged.add(n);
                        }
                    } catch (RuntimeException storeGone) {
                        // expected once the store is killed
                    }
                });
                thread.start();
                writers.add(thread);
            }
            // Bounded: writers that died before writing anything (a store too slow to answer on a loaded machine)
            // fail the test instead of hanging it.
            await().atMost(Duration.ofSeconds(120)).until(() -> acknowledged.size() >= 300);
            store.destroyForcibly();   // SIGKILL while the writers are still writing
            assertThat(store.waitFor(30, TimeUnit.SECONDS)).isTrue();
            for (Thread writer : writers) {
                writer.join(TimeUnit.SECONDS.toMillis(30));
            }
        }

        try (var reopened = EmbeddedStore.start(file, "127.0.0.1", 0);
             MongoClient client = MongoClients.create(reopened.connectionString())) {
            var events = client.getDatabase("beacon").getCollection(DurableCollections.EVENT_COMMITS);
            Set<Integer> stored = ConcurrentHashMap.newKeySet();
            events.find().forEach(d -> stored.add(d.getInteger("_id")));
            assertThat(stored).containsAll(acknowledged);
        }
    }

    private static Process java(String mainClass, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), mainClass));
        command.addAll(List.of(args));
        return new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
    }

    private static int freePort() throws IOException {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
