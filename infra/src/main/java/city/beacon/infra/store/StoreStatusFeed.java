package city.beacon.infra.store;

import city.beacon.web.live.LiveFeed;
import city.beacon.web.live.Topics;
import org.springframework.context.event.EventListener;
import org.springframework.messaging.simp.SimpMessageHeaderAccessor;
import org.springframework.web.socket.messaging.SessionSubscribeEvent;

import java.time.Instant;

/**
 * Tells consoles whether the store answers, on {@code /topic/status}: a snapshot on subscribe, a delta on every
 * change. The broker lives in this node's memory, so the message reaches consoles while the store is away; when it
 * returns, consoles subscribe afresh and so get fresh snapshots of everything they show.
 */
public class StoreStatusFeed {
    private final LiveFeed feed;
    private final StoreConnectivity connectivity;

    /** What consoles see; the reason (with the store's address) stays in health details, for admins. */
    public record StoreStatus(String store, Instant since) {
        static StoreStatus of(StoreConnectivity.State state) {
            return new StoreStatus(state.reachable() || !state.known() ? "UP" : "DOWN", state.since());
        }
    }

    public StoreStatusFeed(LiveFeed feed, StoreConnectivity connectivity) {
        this.feed = feed;
        this.connectivity = connectivity;
        connectivity.onChange(state -> feed.publish(Topics.STATUS, StoreStatus.of(state), null));
    }

    @EventListener
    void subscribed(SessionSubscribeEvent event) {
        var headers = SimpMessageHeaderAccessor.wrap(event.getMessage());
        if (Topics.STATUS.equals(headers.getDestination()) && headers.getSessionId() != null
                && headers.getSubscriptionId() != null) {
            feed.sendSnapshot(headers.getSessionId(), headers.getSubscriptionId(), Topics.STATUS,
                    () -> StoreStatus.of(connectivity.state()), () -> null);
        }
    }
}
