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
 * (a document stored but its unique-index entries not yet).
 */
final class GroupCommit {
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
