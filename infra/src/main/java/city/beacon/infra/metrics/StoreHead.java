package city.beacon.infra.metrics;

import city.beacon.infra.store.StoreConnectivity;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * The highest committed position of the event store, read at most once per {@code maxAge} (every processor's lag
 * gauge and the readiness check ask for it) and never while the store is known to be unreachable: then the last
 * value read is answered, so a scrape never waits on a store that is gone.
 */
public class StoreHead {
    private final EventStorageEngine engine;
    private final StoreConnectivity connectivity;
    private final Clock clock;
    private final Duration maxAge;
    private volatile long head = -1;
    private volatile Instant readAt = Instant.MIN;

    public StoreHead(EventStorageEngine engine, StoreConnectivity connectivity, Clock clock, Duration maxAge) {
        this.engine = engine;
        this.connectivity = connectivity;
        this.clock = clock;
        this.maxAge = maxAge;
    }

    /** @return the head position (0 for an empty store), or -1 when it could not be read yet */
    public synchronized long position() {
        Instant now = clock.instant();
        if (readAt.plus(maxAge).isAfter(now) || !connectivity.state().reachable()) {
            return head;
        }
        try {
            TrackingToken token = engine.createHeadToken();
            head = token == null ? 0 : token.position().orElse(0);
        } catch (RuntimeException storeFailed) {
            // Keep the last value; the store's own health says why.
        }
        readAt = now;
        return head;
    }
}
