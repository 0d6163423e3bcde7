package city.beacon.infra.store;

import org.h2.mvstore.MVStore;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Supplier;

/**
 * Makes the MVStore durable before the embedded server answers anyone. mongo-java-server acknowledges a write once it
 * is in memory; the MVStore would reach the file up to a second later. Here every modifying command commits (and
 * fsyncs) the store before its reply is sent, and concurrent commands share one commit: whoever commits first takes
 * every write finished so far with it, the others find their write already durable.
 * <p>
 * Reads wait too, for every write that had started before they finished: otherwise a reader could see (and a tracking
 * processor could act on) an event that a crash then takes back, and its position could be handed out again.
 * <p>
 * Commands run under a shared gate and a commit takes it exclusively, so a commit never captures half a command
 * (a document stored but its unique-index entries not yet). For the same reason the MVStore's background writer is
 * off, and with it its housekeeping: {@link #compact()} does that housekeeping between whole commands instead.
 */
final class GroupCommit {
    /** Chunks with less live data than this (percent) are rewritten by {@link #compact()}. */
    private static final int TARGET_FILL_RATE = 80;
    /** Upper bound of one compaction run, so a run holds up commands for milliseconds, not seconds. */
    private static final int COMPACT_BYTES_PER_RUN = 4 * 1024 * 1024;

    private final MVStore store;
    private final boolean fsync;
    private final ReentrantReadWriteLock gate = new ReentrantReadWriteLock();
    private final AtomicLong started = new AtomicLong();
    private final Object commitTurn = new Object();
    private volatile long durable;
    private final AtomicLong commits = new AtomicLong();

    GroupCommit(MVStore store, boolean fsync) {
        this.store = store;
        this.fsync = fsync;
    }

    <T> T write(Supplier<T> command) {
        gate.readLock().lock();
        try {
            started.incrementAndGet();
            return command.get();
        } finally {
            gate.readLock().unlock();
            // Also after a failed command: an unordered bulk write may have stored part of its documents.
            awaitDurable(started.get());
        }
    }

    <T> T read(Supplier<T> query) {
        T result = query.get();
        awaitDurable(started.get());
        return result;
    }

    /** The number of store commits so far: group commit means far fewer than acknowledged writes. */
    long commits() {
        return commits.get();
    }

    /**
     * Rewrites the live pages of mostly-dead chunks so their space can be reused. Every commit writes new copies of
     * the pages it touched, leaving the old chunks partly dead; the MVStore's background writer would do this, but
     * it is off (see above).
     */
    void compact() {
        synchronized (commitTurn) {
            long covered;
            gate.writeLock().lock();
            try {
                if (store.isClosed() || !store.compact(TARGET_FILL_RATE, COMPACT_BYTES_PER_RUN)) {
                    return;
                }
                covered = started.get();
                store.commit();
                commits.incrementAndGet();
            } finally {
                gate.writeLock().unlock();
            }
            if (fsync && !store.isClosed()) {
                store.sync();
            }
            durable = covered;
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
            long covered;
            gate.writeLock().lock();
            try {
                covered = started.get();
                if (!store.isClosed() && store.hasUnsavedChanges()) {
                    store.commit();
                    commits.incrementAndGet();
                }
            } finally {
                gate.writeLock().unlock();
            }
            if (fsync && !store.isClosed()) {
                // Outside the gate: writers may carry on in memory while the file is forced to the disk.
                store.sync();
            }
            durable = covered;
        }
    }
}
