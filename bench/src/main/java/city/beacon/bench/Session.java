package city.beacon.bench;

import com.fasterxml.jackson.databind.JsonNode;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * One Beacon node as a user runs it, on its own store: the standalone embedded store started from beacon.jar
 * ({@code --beacon.role=store}) in a directory of its own, or a database of its own on {@code --mongo-uri}. The node
 * runs with the demo users and the {@code bench} profile (its admin-only hooks).
 */
final class Session implements AutoCloseable {
    static final String ADMIN = "admin";
    static final String OPERATOR = "operator";
    static final String AUDITOR = "auditor";
    /** What the store role prints once it listens (StandaloneStore). */
    private static final String STORE_READY = "Beacon store listening";
    /**
     * Spring Boot logs every availability change at DEBUG under this logger. Readiness moves to ACCEPTING_TRAFFIC
     * once the node has started, its web server listens and every ready listener has run: the node says so itself,
     * as the state its readiness probe reports.
     */
    private static final String AVAILABILITY_LOGGER = "org.springframework.boot.availability";
    private static final Predicate<String> NODE_READY = line -> line.contains("ReadinessState changed")
            && line.contains(" to ACCEPTING_TRAFFIC");

    final String label;
    final Path directory;
    final Api api;
    final RawStore raw;
    private final BeaconProcess store;
    private final BeaconProcess node;
    private final boolean embedded;

    private Session(String label, Path directory, BeaconProcess store, BeaconProcess node, Api api, RawStore raw,
                    boolean embedded) {
        this.label = label;
        this.directory = directory;
        this.store = store;
        this.node = node;
        this.api = api;
        this.raw = raw;
        this.embedded = embedded;
    }

    static Session start(Options options, String label, Path workDir, String xmx) throws Exception {
        return start(options, label, workDir, xmx, List.of());
    }

    /** @param nodeArguments more of the node's command-line arguments (e.g. {@code --beacon.bench.not-replayed=…}) */
    static Session start(Options options, String label, Path workDir, String xmx, List<String> nodeArguments)
            throws Exception {
        Path directory = Files.createDirectories(workDir.resolve(label));
        BeaconProcess store = null;
        String uri = options.mongoUri();
        String database = "beacon";
        if (uri == null) {
            int storePort = BeaconProcess.freePort();
            store = BeaconProcess.start(label + "-store", List.of(), options.beaconJar(), List.of(
                    "--beacon.role=store", "--beacon.embedded-store.port=" + storePort,
                    "--beacon.embedded-store.path=" + directory.resolve("store").resolve("beacon.mv")), directory,
                    line -> line.startsWith(STORE_READY));
            store.awaitReady(60);
            uri = "mongodb://127.0.0.1:" + storePort;
        } else {
            database = "beacon_bench_" + System.currentTimeMillis() + "_" + label;
        }
        int httpPort = BeaconProcess.freePort();
        List<String> jvm = new ArrayList<>();
        if (xmx != null) {
            jvm.add("-Xmx" + xmx);
        }
        long start = System.nanoTime();
        List<String> arguments = new ArrayList<>(List.of(
                "--spring.profiles.active=demo,bench", "--beacon.mongodb.uri=" + uri,
                "--beacon.mongodb.database=" + database, "--server.port=" + httpPort,
                "--spring.main.banner-mode=off", "--logging.level.root=WARN",
                "--logging.level." + AVAILABILITY_LOGGER + "=DEBUG"));
        arguments.addAll(nodeArguments);
        var node = BeaconProcess.start(label + "-node", jvm, options.beaconJar(), arguments, directory,
                NODE_READY);
        var api = new Api("http://127.0.0.1:" + httpPort);
        node.awaitReady(600);   // minutes on a 2-core machine shared with several builds
        System.out.printf("session %s: node pid %d on %s, store %s (%s), started in %.1f s%n", label, node.pid(),
                api.baseUrl(), uri, database, (System.nanoTime() - start) / 1e9);
        return new Session(label, directory, store, node, api, new RawStore(uri, database), options.mongoUri() == null);
    }

    /** Where the store keeps its data (the embedded store's directory; the work directory for a real MongoDB). */
    Path diskDirectory() {
        return embedded ? directory.resolve("store") : directory;
    }

    JsonNode hook(String method, String pathAndQuery) {
        String path = "/api/admin/bench" + pathAndQuery;
        var response = method.equals("GET") ? api.get(ADMIN, path) : api.post(ADMIN, path, null);
        return response.ok().json();
    }

    /** Writes incidents' histories inside the node (every processor paused meanwhile); answers the hook's JSON. */
    JsonNode history(int incidents, int tasks, int notes, int openEvery, int eventsPerCommit) {
        return hook("POST", "/history?incidents=" + incidents + "&tasks=" + tasks + "&notes=" + notes
                + "&openEvery=" + openEvery + "&eventsPerCommit=" + eventsPerCommit);
    }

    /**
     * Waits until every read model reached head (the latest position if {@code head} is -1), or time runs out;
     * answers the last status. The node reports its processors only when asked: asked every 100 ms.
     */
    JsonNode awaitCaughtUp(long head, double seconds) throws InterruptedException {
        return Progress.await(() -> hook("GET", "/processors?head=" + head),
                status -> status.path("caughtUp").asBoolean(), Duration.ofMillis(100), seconds);
    }

    /** The slowest read model's position in a status answer. */
    static long slowestPosition(JsonNode status) {
        long slowest = Long.MAX_VALUE;
        for (JsonNode processor : status.path("processors")) {
            if (processor.path("replayable").asBoolean()) {
                long position = processor.path("claimed").asInt() < processor.path("segments").asInt()
                        ? -1 : processor.path("position").asLong();
                slowest = Math.min(slowest, position);
            }
        }
        return slowest == Long.MAX_VALUE ? -1 : slowest;
    }

    double heapPeakMb() {
        return hook("GET", "/memory").path("heapPeakBytes").asDouble() / (1024 * 1024);
    }

    double heapMaxMb() {
        return hook("GET", "/memory").path("heapMaxBytes").asDouble() / (1024 * 1024);
    }

    double nodePeakRssMb() {
        return node.peakRssMb();
    }

    @Override
    public void close() {
        if (!embedded) {
            try {
                raw.dropDatabase();
            } catch (RuntimeException e) {
                System.out.println("could not drop the bench database: " + e);
            }
        }
        raw.close();
        node.close();
        if (store != null) {
            store.close();
        }
    }
}
