package city.beacon.infra.projection;

import com.mongodb.client.MongoDatabase;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * The generation each read model's live views read, as this node knows it: re-read from the registry at most once
 * per {@code maxAge} (so a switch made by another node is seen within that), and updated at once when this node
 * switches. A registry that cannot be read leaves the last known generations in place.
 */
public final class LiveGenerations {
    private final GenerationRegistry registry;
    private final Clock clock;
    private final Duration maxAge;
    private volatile Map<String, Integer> live = Map.of();
    private volatile Instant readAt = Instant.MIN;

    LiveGenerations(GenerationRegistry registry, Clock clock, Duration maxAge) {
        this.registry = registry;
        this.clock = clock;
        this.maxAge = maxAge;
    }

    /** The live generations recorded in this database's registry, re-read at most once a second. */
    public static LiveGenerations recordedIn(MongoDatabase rawDatabase, Clock clock) {
        return new LiveGenerations(new GenerationRegistry(rawDatabase), clock, Duration.ofSeconds(1));
    }

    int of(String group) {
        refreshIfOld();
        return live.getOrDefault(group, 1);
    }

    /** The physical name of a collection in the generation its owner's live views read now. */
    String physical(String collection) {
        String owner = ReadModelCollections.owner(collection);
        return owner == null ? collection : ReadModelCollections.physical(collection, of(owner));
    }

    /** The database as readers and live projections use it: read-model collections in their live generation. */
    public MongoDatabase readingLive(MongoDatabase database) {
        return GenerationalDatabase.of(database, this::physical);
    }

    synchronized void switched(String group, int generation) {
        var next = new HashMap<>(live);
        next.put(group, generation);
        live = Map.copyOf(next);
    }

    private void refreshIfOld() {
        Instant now = clock.instant();
        if (readAt.plus(maxAge).isAfter(now)) {
            return;
        }
        synchronized (this) {
            if (readAt.plus(maxAge).isAfter(now)) {
                return;
            }
            readAt = now;
            try {
                var next = new HashMap<String, Integer>();
                registry.all().forEach((group, record) -> next.put(group, GenerationRegistry.live(record)));
                live = Map.copyOf(next);
            } catch (RuntimeException storeFailed) {
                // Keep what is known; the read that follows reports the store's state itself.
            }
        }
    }
}
