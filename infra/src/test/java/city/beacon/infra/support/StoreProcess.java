package city.beacon.infra.support;

import city.beacon.infra.store.StandaloneStore;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import org.bson.Document;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** The standalone store ({@code --beacon.role=store}) as a process of its own, on a fixed port and data file. */
public final class StoreProcess implements AutoCloseable {
    private final Path file;
    private final int port;
    private Process process;

    public StoreProcess(Path file, int port) {
        this.file = file;
        this.port = port;
    }

    public static int freePort() throws IOException {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    public String uri() {
        return "mongodb://127.0.0.1:" + port;
    }

    /** Starts the process and returns once it listens. */
    public StoreProcess start() throws IOException {
        process = new ProcessBuilder(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), StandaloneStore.class.getName(),
                "--beacon.role=store", "--beacon.embedded-store.path=" + file, "--beacon.embedded-store.port=" + port))
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        var out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        for (String line = out.readLine(); ; line = out.readLine()) {
            if (line == null) {
                throw new IllegalStateException("the store process ended before listening on " + port);
            }
            if (line.startsWith("Beacon store listening")) {
                drainInto(out, log());
                return this;
            }
        }
    }

    /** Where the store's output goes once it listens: next to its data file. */
    public Path log() {
        return file.resolveSibling(file.getFileName() + ".log");
    }

    /**
     * Keeps reading the store's output into a file. Left unread, the pipe fills (the store logs every connection) and
     * the store's threads block on their next log line: the store hangs, and every node sees it as unreachable.
     */
    private static void drainInto(BufferedReader out, Path log) {
        var drain = new Thread(() -> {
            try (var writer = java.nio.file.Files.newBufferedWriter(log, StandardCharsets.UTF_8,
                    java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND)) {
                for (String line = out.readLine(); line != null; line = out.readLine()) {
                    writer.write(line);
                    writer.newLine();
                    writer.flush();
                }
            } catch (IOException ended) {
                // the process is gone
            }
        }, "store-output");
        drain.setDaemon(true);
        drain.start();
    }

    /**
     * Changes the store's free-space floor while it runs, as an operator would ({@code setParameter}): above the
     * disk's free space the store refuses every write as if its disk were full; below it, it writes again.
     */
    public void minFreeSpace(Object floor) {
        try (MongoClient client = MongoClients.create(uri())) {
            client.getDatabase("admin").runCommand(new Document("setParameter", 1).append("beaconMinFreeSpace", floor));
        }
    }

    /** SIGKILL: the store vanishes mid-conversation, as when its machine dies. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            throw new IllegalStateException("the store process did not die");
        }
    }

    @Override
    public void close() throws InterruptedException {
        if (process != null && process.isAlive()) {
            kill();
        }
    }
}
