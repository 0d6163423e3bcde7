package city.beacon.infra.store;

import org.h2.mvstore.MVStore;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Decides when the MVStore reaches the disk. mongo-java-server acknowledges a write once it is in memory; here a
 * durable write (an event commit, see {@link DurableCollections}) is answered only after a commit and an fsync that
 * include it, and concurrent durable writes share one: whoever commits first takes every write finished so far with
 * it, the others find theirs already durable. A derived write (read models, tokens, sagas, counters) is answered from
 * memory; it reaches the disk with the next commit, which the next durable write, {@link #flush()} or too much
 * unsaved memory brings.
 * <p>
 * That is sound because a commit takes every change in memory so far: a durable write makes every write answered
 * before it started durable too, so a crash loses at most a suffix of derived writes (docs/event-store.md).
 * <p>
 * Reads wait for every durable write readers must not get ahead of (event commits, claims) that had started before
 * they finished, not for derived ones nor for tokens: otherwise a reader could see (and a tracking processor act on)
 * an event that a crash then takes back. A token is durable for its own processor's sake and read by it alone; every
 * processor's reads of the event stream waiting for every other processor's token commits made a replay wait for
 * the disk once per batch per processor.
 * <p>
 * Commands run under a shared gate and a commit takes it exclusively, so a commit never captures half a command
 * (a document stored but its unique-index entries not yet). For the same reason the MVStore's background writer and
 * its own commits on memory pressure are off; {@link #compact()} does the housekeeping between commits instead.
 */
final class GroupCommit {
    /**
     * Chunks with less live data than this (percent) are rewritten by {@link #compact()}. Reclaiming a chunk costs
     * rewriting its live part, fill / (1 - fill) bytes per byte freed: 4 at 80 %, 1 at 50 %. Measured with
     * StoreDurabilityBenchmark (medians of 3 alternating runs): 80 % wrote 39 KB to disk per durable insert at 16
     * clients and 30 KB at 1 client, 50 % wrote 21 KB and 22 KB; the file stayed at ~2.2 KB per document.
     */
    private static final int TARGET_FILL_RATE = 50;
    /** Upper bound of one compaction run, so a run holds up commits for milliseconds, not seconds. */
    private static final int COMPACT_BYTES_PER_RUN = 4 * 1024 * 1024;
    /** Derived writes beyond this much unsaved memory are committed by the writer, bounding heap and crash loss. */
    private static final int MAX_UNSAVED_BYTES = 16 * 1024 * 1024;

    private final MVStore store;
    private final boolean fsync;
    private final ReentrantReadWriteLock gate = new ReentrantReadWriteLock();
    private final AtomicLong durableStarted = new AtomicLong();
    /** The latest ticket of a durable write that reads must wait for. */
    private final AtomicLong readBarrier = new AtomicLong();
    private final Object commitTurn = new Object();
    private volatile long durable;
    private final AtomicLong commits = new AtomicLong();
    private volatile Consumer<RuntimeException> fileFailed = failure -> { };

    GroupCommit(MVStore store, boolean fsync) {
        this.store = store;
        this.fsync = fsync;
    }

    /**
     * Runs a command with the store's current version in use, so no commit frees the chunks it reads meanwhile. With
     * retention time 0 (EmbeddedStore) a chunk left without live pages is dropped at the next commit, and a scan
     * still walking an older version of a map then fails with "Chunk … not found": seen by the crash-under-load test
     * on a full read of the event commits while the node's writes and the housekeeping's compaction went on.
     */
    <T> T pinned(Supplier<T> command) {
        MVStore.TxCounter usage = store.registerVersionUsage();
        try {
            return command.get();
        } finally {
            store.deregisterVersionUsage(usage);
        }
    }

    /** A write its client is told is durable: answered only once it is on disk; reads wait for it. */
    <T> T durableWrite(Supplier<T> command) {
        return durableWrite(command, true);
    }

    /** @param readersWait whether a read that finishes after this write started waits until it is on disk */
    <T> T durableWrite(Supplier<T> command, boolean readersWait) {
        gate.readLock().lock();
        long ticket = durableStarted.incrementAndGet();
        if (readersWait) {
            readBarrier.accumulateAndGet(ticket, Math::max);
        }
        try {
            return command.get();
        } finally {
            gate.readLock().unlock();
            // Also after a failed command: an unordered bulk write may have stored part of its documents.
            awaitDurable(ticket);
        }
    }

    /** A write derived from events: answered from memory, made durable by the next commit. */
    <T> T derivedWrite(Supplier<T> command) {
        gate.readLock().lock();
        try {
            return command.get();
        } finally {
            gate.readLock().unlock();
            if (store.getUnsavedMemory() > MAX_UNSAVED_BYTES) {
                flush();
            }
        }
    }

    <T> T read(Supplier<T> query) {
        T result = query.get();
        awaitDurable(readBarrier.get());
        return result;
    }

    /**
     * Who hears that writing the file failed (no space left, read-only file system, I/O error). H2 then closes the
     * MVStore for good ("panic"): every later request fails until the process restarts on the same file, which
     * holds every acknowledged write (each was forced to disk before it was acknowledged).
     */
    void onFileFailure(Consumer<RuntimeException> handler) {
        fileFailed = handler;
    }

    /** The number of store commits so far: group commit means far fewer than acknowledged writes. */
    long commits() {
        return commits.get();
    }

    /** Commits and forces whatever derived writes are still only in memory; housekeeping calls it periodically. */
    void flush() {
        synchronized (commitTurn) {
            commitAndSync();
        }
    }

    /**
     * Rewrites the live pages of mostly-dead chunks so their space can be reused. Every commit writes new copies of
     * the pages it touched, leaving the old chunks partly dead; the MVStore's background writer would do this, but
     * it is off (see above). The rewrite runs beside commands (it only moves pages); the commit after it does not.
     */
    void compact() {
        synchronized (commitTurn) {
            if (store.isClosed()
                    || !reportingFileFailure(() -> store.compact(TARGET_FILL_RATE, COMPACT_BYTES_PER_RUN))) {
                return;
            }
            commitAndSync();
        }
    }

    private void awaitDurable(long ticket) {
        if (durable >= ticket) {
            return;
        }
        synchronized (commitTurn) {
            if (durable >= ticket) {
                return;
            }
            commitAndSync();
        }
    }

    /** Caller holds {@link #commitTurn}: one commit at a time, and each is on disk before the next begins. */
    private void commitAndSync() {
        long covered;
        boolean committed = false;
        gate.writeLock().lock();
        try {
            covered = durableStarted.get();
            if (!store.isClosed() && store.hasUnsavedChanges()) {
                reportingFileFailure(store::commit);
                commits.incrementAndGet();
                committed = true;
            }
        } finally {
            gate.writeLock().unlock();
        }
        // Without a commit there is nothing new to force: every earlier commit was forced before this one began.
        if (committed && fsync && !store.isClosed()) {
            // Outside the gate: writers may carry on in memory while the file is forced to the disk.
            reportingFileFailure(() -> {
                store.sync();
                return null;
            });
        }
        durable = covered;
    }

    private <T> T reportingFileFailure(Supplier<T> fileOperation) {
        try {
            return fileOperation.get();
        } catch (RuntimeException failure) {
            fileFailed.accept(failure);
            throw failure;
        }
    }
}
