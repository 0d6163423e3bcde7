package city.beacon.infra.store;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import org.h2.mvstore.MVStore;
import org.slf4j.LoggerFactory;
import org.springframework.util.unit.DataSize;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The embedded MongoDB-compatible server on an H2 MVStore file, reachable over loopback TCP. An event commit is on disk
 * before the server acknowledges it, derived writes reach it with the next commit ({@link GroupCommit}); the MVStore's
 * own commits (in the background and on memory pressure) are switched off, so every commit happens between whole
 * commands.
 */
public final class EmbeddedStore implements AutoCloseable {
    /**
     * Netty event-loop threads. A thread waiting for a group commit holds up the other connections it serves, so the
     * server gets more than Netty's default of two per core.
     */
    private static final int WORKER_THREADS = 32;

    /**
     * How often the store's housekeeping runs: commit derived writes still in memory ({@link GroupCommit#flush()}),
     * which bounds what a crash can take back when no event is being committed (a replay), then compact.
     */
    private static final Duration HOUSEKEEPING_EVERY = Duration.ofSeconds(1);

    private final H2Backend backend;
    private final GroupCommit commit;
    private final DiskSpaceFloor floor;
    private final MongoServer server;
    private final InetSocketAddress address;
    private final ScheduledExecutorService housekeeping;

    private EmbeddedStore(H2Backend backend, GroupCommit commit, DiskSpaceFloor floor, MongoServer server,
                          InetSocketAddress address, Duration housekeepingEvery) {
        this.backend = backend;
        this.commit = commit;
        this.floor = floor;
        this.server = server;
        this.address = address;
        this.housekeeping = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "embedded-store-housekeeping");
            thread.setDaemon(true);
            return thread;
        });
        long every = housekeepingEvery.toMillis();
        housekeeping.scheduleWithFixedDelay(this::housekeeping, every, every, TimeUnit.MILLISECONDS);
    }

    private void housekeeping() {
        try {
            commit.flush();
            // Compaction writes before it frees anything: not while the disk is below its floor.
            if (floor.refusal() == null) {
                commit.compact();
            }
        } catch (RuntimeException e) {
            // Housekeeping only reclaims space; a failed run must not stop the next one.
            LoggerFactory.getLogger(EmbeddedStore.class).warn("store housekeeping failed", e);
        }
    }

    public static EmbeddedStore start(Path file, String host, int port) {
        return start(file, host, port, DiskSpaceFloor.DEFAULT);
    }

    /** @param minFreeSpace writes are refused while the file's disk has less usable space than this */
    public static EmbeddedStore start(Path file, String host, int port, DataSize minFreeSpace) {
        return start(file, host, port, HOUSEKEEPING_EVERY, minFreeSpace);
    }

    /** With housekeeping at the given pace; tests that count commits keep it out of the way. */
    static EmbeddedStore start(Path file, String host, int port, Duration housekeepingEvery) {
        return start(file, host, port, housekeepingEvery, DiskSpaceFloor.DEFAULT);
    }

    private static EmbeddedStore start(Path file, String host, int port, Duration housekeepingEvery,
                                       DataSize minFreeSpace) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the store directory for " + file, e);
        }
        // No background commits and none on memory pressure (buffer size 0): both would commit in the middle of a
        // command. GroupCommit bounds unsaved memory instead.
        MVStore mvStore = new MVStore.Builder().fileName(file.toString()).autoCommitDisabled()
                .autoCommitBufferSize(0).open();
        // Old chunks are kept 45 s by default in case the OS has not written them out yet; every commit here is
        // fsynced, so their space can be reused at once. Measured: 20k events took 739 MB with the default and
        // 81 MB with 0 (and appends ran twice as fast, writing less).
        mvStore.setRetentionTime(0);
        H2Backend backend = new IndexedH2Backend(mvStore);
        var commit = new GroupCommit(mvStore, true);
        commit.onFileFailure(failure -> LoggerFactory.getLogger(EmbeddedStore.class).error("writing the store's file "
                + "{} failed and it was closed: every request fails until the store is restarted", file, failure));
        var floor = DiskSpaceFloor.of(file, minFreeSpace, Clock.systemUTC());
        var server = new MongoServer(new DurableBackend(backend, commit, floor));
        server.bind(new InetSocketAddress(host, port), 0, WORKER_THREADS);
        return new EmbeddedStore(backend, commit, floor, server, server.getLocalAddress(), housekeepingEvery);
    }

    public String connectionString() {
        return "mongodb://" + address.getHostString() + ":" + address.getPort();
    }

    /**
     * Who hears that writing the store's file failed and H2 closed it ({@link GroupCommit#onFileFailure}); by default
     * it is logged.
     */
    public void onFileFailure(Consumer<RuntimeException> handler) {
        commit.onFileFailure(handler);
    }

    public int port() {
        return address.getPort();
    }

    @Override
    public void close() {
        housekeeping.shutdown();
        try {
            // Let a running compaction finish: closing the MVStore under it would fail it half-way.
            housekeeping.awaitTermination(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        server.shutdown();
    }

    H2Backend backend() {
        return backend;
    }

    /** How many times the store has been committed to disk; see {@link GroupCommit#commits()}. */
    public long commits() {
        return commit.commits();
    }
}
