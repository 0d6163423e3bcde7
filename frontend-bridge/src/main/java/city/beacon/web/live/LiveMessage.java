package city.beacon.web.live;

import java.time.Instant;

/**
 * The envelope of every live-feed message. {@code version} grows by one with each delta on a topic; a snapshot
 * carries the version it is current as of, so a client drops older deltas and resubscribes on a gap.
 */
public record LiveMessage(String topic, Kind kind, long version, Instant at, Object payload) {
    public enum Kind { SNAPSHOT, DELTA }
}
