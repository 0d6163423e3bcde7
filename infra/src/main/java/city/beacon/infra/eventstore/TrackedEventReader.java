package city.beacon.infra.eventstore;

import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.TrackedDomainEventData;
import org.axonframework.eventhandling.TrackedEventData;
import org.axonframework.eventhandling.TrackingToken;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.LongStream;

/**
 * Reads the global stream for tracking processors with Axon's {@link GapAwareTrackingToken}, as Axon's JDBC engine
 * does, but by key: the next batch is "positions {@code $in} [gaps…, index+1 … index+batch]". A position that is
 * reserved but not (yet) committed becomes a gap in the token and is asked for again on every read, so a commit that
 * lands late is still delivered. A gap is given up once a commit at a later position is older than the gap timeout:
 * that commit reserved its position after the gap's, so the gap's writer has been silent at least that long.
 */
final class TrackedEventReader {
    private static final long FIRST_POSITION = 1;
    private static final int MAX_HOLE_ROUNDS = 8;

    private final CommitLookup lookup;
    private final PositionCounter counter;
    private final Clock clock;
    private final Duration gapTimeout;
    private final int maxGapOffset;

    TrackedEventReader(CommitLookup lookup, PositionCounter counter, Clock clock, Duration gapTimeout,
                       int maxGapOffset) {
        this.lookup = lookup;
        this.counter = counter;
        this.clock = clock;
        this.gapTimeout = gapTimeout;
        this.maxGapOffset = maxGapOffset;
    }

    List<TrackedEventData<?>> fetch(TrackingToken lastToken, int batchSize) {
        if (lastToken != null && !(lastToken instanceof GapAwareTrackingToken)) {
            throw new IllegalArgumentException("expected a GapAwareTrackingToken, got " + lastToken);
        }
        GapAwareTrackingToken token = dropExpiredGaps((GapAwareTrackingToken) lastToken);
        long index = token == null ? FIRST_POSITION - 1 : token.getIndex();
        SortedSet<Long> gaps = token == null ? Collections.emptySortedSet() : token.getGaps();
        long head = counter.head();
        long from = index + 1;
        while (true) {
            long to = Math.min(head, from + batchSize - 1);
            List<Long> wanted = new ArrayList<>(gaps);
            LongStream.rangeClosed(from, to).forEach(wanted::add);
            if (wanted.isEmpty()) {
                return List.of();
            }
            SortedSet<Long> askedGaps = gaps;
            List<StoredEvent> found = readWithoutHoles(wanted).stream()
                    .filter(e -> e.position() > index || askedGaps.contains(e.position()))
                    .sorted(Comparator.comparingLong(StoredEvent::position))
                    .toList();
            // A whole batch of reserved-but-unwritten positions must not look like the end of the stream: step over
            // it (the next event found turns those positions into gaps), as far as the head.
            if (!found.isEmpty() || to >= head) {
                return track(token, found);
            }
            gaps = Collections.emptySortedSet();
            from = to + 1;
        }
    }

    /**
     * Reads the wanted positions, then reads again any still missing below the highest one found, until nothing new
     * turns up. An {@code $in} is not a snapshot: it can miss a commit that became visible while it ran and yet return
     * a later commit of the same aggregate (which could only be written after the first was visible). Asking again for
     * the holes finds every commit that was visible before anything already returned, so an aggregate's events are
     * never delivered out of order.
     */
    private List<StoredEvent> readWithoutHoles(List<Long> wanted) {
        List<StoredEvent> found = new ArrayList<>(lookup.byPositions(wanted));
        for (int round = 0; round < MAX_HOLE_ROUNDS && !found.isEmpty(); round++) {
            long highest = found.stream().mapToLong(StoredEvent::position).max().orElseThrow();
            var seen = found.stream().map(StoredEvent::position).collect(Collectors.toSet());
            List<Long> holes = wanted.stream().filter(p -> p < highest && !seen.contains(p)).toList();
            if (holes.isEmpty()) {
                break;
            }
            List<StoredEvent> filled = lookup.byPositions(holes).stream()
                    .filter(e -> !seen.contains(e.position()))
                    .toList();
            if (filled.isEmpty()) {
                break;
            }
            found.addAll(filled);
        }
        return found;
    }

    private List<TrackedEventData<?>> track(GapAwareTrackingToken token, List<StoredEvent> events) {
        Instant gapDeadline = clock.instant().minus(gapTimeout);
        List<TrackedEventData<?>> result = new ArrayList<>(events.size());
        for (StoredEvent event : events) {
            long position = event.position();
            boolean fillsGap = token != null && position <= token.getIndex();
            // Positions skipped on the way to an event committed before the deadline are not worth waiting for.
            boolean keepGaps = fillsGap || event.committedAt().isAfter(gapDeadline);
            if (token == null) {
                token = GapAwareTrackingToken.newInstance(position, keepGaps
                        ? LongStream.range(FIRST_POSITION, position).boxed().collect(Collectors.toCollection(TreeSet::new))
                        : Collections.emptySortedSet());
            } else {
                token = token.advanceTo(position, keepGaps ? maxGapOffset : 0);
            }
            result.add(new TrackedDomainEventData<>(token, PositionedEventData.of(event)));
        }
        return result;
    }

    /**
     * Drops the oldest gaps whose timeout has passed. For the lowest run of gaps, the first position after it that
     * was delivered tells (by its commit time) how long the run has been open; one keyed lookup per expired run.
     */
    private GapAwareTrackingToken dropExpiredGaps(GapAwareTrackingToken token) {
        if (token == null) {
            return null;
        }
        Instant gapDeadline = clock.instant().minus(gapTimeout);
        while (!token.getGaps().isEmpty()) {
            SortedSet<Long> gaps = token.getGaps();
            long delivered = gaps.first() + 1;
            while (gaps.contains(delivered)) {
                delivered++;
            }
            List<StoredEvent> witness = lookup.byPositions(List.of(delivered));
            if (witness.isEmpty() || witness.get(0).committedAt().isAfter(gapDeadline)) {
                return token;
            }
            token = token.withGapsTruncatedAt(delivered);
        }
        return token;
    }

    /**
     * A token at the head of the stream that still waits for commits in flight just below it: positions of the last
     * batch that are reserved but not visible become gaps.
     */
    GapAwareTrackingToken headToken(int window) {
        long head = counter.head();
        if (head < FIRST_POSITION) {
            return null;
        }
        long from = Math.max(FIRST_POSITION, head - window + 1);
        List<Long> positions = LongStream.rangeClosed(from, head).boxed().toList();
        SortedSet<Long> visible = lookup.byPositions(positions).stream()
                .map(StoredEvent::position)
                .collect(Collectors.toCollection(TreeSet::new));
        if (visible.isEmpty()) {
            return GapAwareTrackingToken.newInstance(from - 1, Collections.emptySortedSet());
        }
        long index = visible.last();
        SortedSet<Long> gaps = LongStream.range(from, index).filter(p -> !visible.contains(p)).boxed()
                .collect(Collectors.toCollection(TreeSet::new));
        return GapAwareTrackingToken.newInstance(index, gaps);
    }
}
