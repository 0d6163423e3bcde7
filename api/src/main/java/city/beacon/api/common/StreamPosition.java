package city.beacon.api.common;

/**
 * The metadata key under which the event store hands every event read from the global stream its own position.
 * A tracking token alone does not tell it: an event that fills a gap carries a token whose index is a later
 * position. Read models record the positions they applied (idempotence across aggregates), so they need it.
 */
public final class StreamPosition {
    public static final String META_DATA_KEY = "streamPosition";

    private StreamPosition() { }
}
