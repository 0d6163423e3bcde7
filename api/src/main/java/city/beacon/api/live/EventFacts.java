package city.beacon.api.live;

import java.util.Map;

/**
 * What a projection reads of an event besides its payload: its id, its aggregate's sequence number (-1 when the
 * event is not an aggregate's) and its metadata (the actor).
 */
public record EventFacts(String eventId, long sequence, Map<String, ?> metaData) {
}
