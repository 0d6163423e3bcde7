package city.beacon.infra.store;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * Runs the writes to one collection one at a time. mongo-java-server finds the documents an update or a delete
 * matches, then changes them by where their index keys point, without a lock between the two: a document another
 * write changed or removed meanwhile is answered "Expected one element but got zero" (seen with two nodes' deadline
 * servers updating the same jobs, until one stopped after "too many storage exceptions"). MongoDB makes each
 * document's change atomic; this gives the embedded store the same. Only the change in memory is serialised: the
 * wait for the disk comes after, so concurrent writers still share one fsync.
 */
final class CollectionWrites {
    private final Map<String, ReentrantLock> locks = new ConcurrentHashMap<>();

    <T> T oneAtATime(String database, Object collection, Supplier<T> write) {
        var lock = locks.computeIfAbsent(database + "." + collection, name -> new ReentrantLock());
        lock.lock();
        try {
            return write.get();
        } finally {
            lock.unlock();
        }
    }
}
