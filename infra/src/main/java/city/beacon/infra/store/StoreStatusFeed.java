package city.beacon.infra.store;

import city.beacon.web.live.LiveFeed;
import city.beacon.web.live.Topics;
import org.springframework.context.event.EventListener;
import org.springframework.messaging.simp.SimpMessageHeaderAccessor;
import org.springframework.web.socket.messaging.SessionSubscribeEvent;

import java.time.Instant;

/**
 * Tells consoles whether the store answers and takes writes, on {@code /topic/status}: a snapshot on subscribe, a
 * delta on every change. A store that answers but refuses writes (its disk full, no primary) is REFUSING_WRITES:
 * consoles still load and follow, but nothing can be changed. The broker lives in this node's memory, so the message reaches consoles while the store is away; when it
 * returns, consoles subscribe afresh and so get fresh snapshots of everything they show.
 */
public class StoreStatusFeed {
    private final LiveFeed feed;
    private final StoreConnectivity connectivity;
    private final StoreWrites writes;

    /**
     * What consoles see: UP, DOWN or REFUSING_WRITES, and the reason writes are refused in words an operator can
     * act on; the store's address and own words stay in health details, for admins.
     */
    public record StoreStatus(String store, Instant since, String reason) {
        static StoreStatus of(StoreConnectivity.State reach, StoreWrites.State writes) {
            if (reach.known() && !reach.reachable()) {
                return new StoreStatus("DOWN", reach.since(), null);
            }
            if (!writes.accepting()) {
                return new StoreStatus("REFUSING_WRITES", writes.since(), writes.reason());
            }
            return new StoreStatus("UP", reach.since().isAfter(writes.since()) ? reach.since() : writes.since(),
                    null);
        }
    }

    public StoreStatusFeed(LiveFeed feed, StoreConnectivity connectivity, StoreWrites writes) {
        this.feed = feed;
        this.connectivity = connectivity;
        this.writes = writes;
        connectivity.onChange(state -> feed.publish(Topics.STATUS, current(), null));
        writes.onChange(state -> feed.publish(Topics.STATUS, current(), null));
    }

    private StoreStatus current() {
        return StoreStatus.of(connectivity.state(), writes.state());
    }

    @EventListener
    void subscribed(SessionSubscribeEvent event) {
        var headers = SimpMessageHeaderAccessor.wrap(event.getMessage());
        if (Topics.STATUS.equals(headers.getDestination()) && headers.getSessionId() != null
                && headers.getSubscriptionId() != null) {
            feed.sendSnapshot(headers.getSessionId(), headers.getSubscriptionId(), Topics.STATUS,
                    this::current, () -> null);
        }
    }
}
