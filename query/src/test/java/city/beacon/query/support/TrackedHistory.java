package city.beacon.query.support;

import city.beacon.api.common.StreamPosition;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.GenericTrackedDomainEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Events at positions 1…n of a global stream, delivered as a gap-aware tracking processor receives them: in a given
 * visible order (a commit that lands late fills a gap), each with the token after it and its own position in its
 * metadata, as Beacon's event store hands them out.
 */
public final class TrackedHistory {
    private final List<DomainEventMessage<?>> events;

    public TrackedHistory(List<DomainEventMessage<?>> events) {
        this.events = List.copyOf(events);
    }

    /** Every event, in the order given by positions (1-based), each with the token after it. */
    public List<TrackedEventMessage<?>> delivered(List<Integer> order, GapAwareTrackingToken from) {
        List<TrackedEventMessage<?>> delivered = new ArrayList<>();
        GapAwareTrackingToken token = from;
        for (int position : order) {
            token = token == null
                    ? GapAwareTrackingToken.newInstance(position, range(1, position))
                    : token.advanceTo(position, 10_000);
            var event = events.get(position - 1).andMetaData(Map.of(StreamPosition.META_DATA_KEY, (long) position));
            delivered.add(new GenericTrackedDomainEventMessage<>(token, event));
        }
        return delivered;
    }

    /** What a processor restarted from this token receives: every position it does not cover, in position order. */
    public List<Integer> notCoveredBy(GapAwareTrackingToken token) {
        List<Integer> order = new ArrayList<>();
        for (int position = 1; position <= events.size(); position++) {
            if (token == null || position > token.getIndex() || token.getGaps().contains((long) position)) {
                order.add(position);
            }
        }
        return order;
    }

    public int size() {
        return events.size();
    }

    private static TreeSet<Long> range(long from, long to) {
        var gaps = new TreeSet<Long>();
        for (long p = from; p < to; p++) {
            gaps.add(p);
        }
        return gaps.isEmpty() ? new TreeSet<>(Collections.emptySet()) : gaps;
    }
}
