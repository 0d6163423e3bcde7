package city.beacon.infra.saga;

import java.lang.ref.ReferenceQueue;
import java.lang.ref.WeakReference;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The stored version each saga instance in memory reflects, keyed by the instance itself (identity, not equals):
 * Axon's SagaStore hands the store the instance to save but not the version it was loaded at. Weak keys, so an
 * instance Axon drops after its unit of work takes its entry with it.
 */
final class LoadedSagaVersions {
    private final Map<InstanceKey, Long> versions = new ConcurrentHashMap<>();
    private final ReferenceQueue<Object> dropped = new ReferenceQueue<>();

    void remember(Object saga, long version) {
        forgetDropped();
        versions.put(new InstanceKey(saga, dropped), version);
    }

    OptionalLong versionOf(Object saga) {
        forgetDropped();
        Long version = versions.get(new InstanceKey(saga, null));
        return version == null ? OptionalLong.empty() : OptionalLong.of(version);
    }

    int size() {
        forgetDropped();
        return versions.size();
    }

    private void forgetDropped() {
        for (var key = dropped.poll(); key != null; key = dropped.poll()) {
            versions.remove(key);
        }
    }

    private static final class InstanceKey extends WeakReference<Object> {
        private final int hash;

        InstanceKey(Object saga, ReferenceQueue<Object> queue) {
            super(saga, queue);
            this.hash = System.identityHashCode(saga);
        }

        @Override
        public boolean equals(Object other) {
            if (this == other) {
                return true;
            }
            if (!(other instanceof InstanceKey key)) {
                return false;
            }
            Object saga = get();
            return saga != null && saga == key.get();
        }

        @Override
        public int hashCode() {
            return hash;
        }
    }
}
