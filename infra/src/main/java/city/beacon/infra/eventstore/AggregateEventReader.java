package city.beacon.infra.eventstore;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Reads one aggregate's events by key, never by range: it asks for "id:seq" keys in batches with {@code $in}. An
 * aggregate's sequence numbers are contiguous from 0 (commits are all-or-nothing), so the first missing key ends it.
 * No per-aggregate head document exists that a crashed writer could leave stale.
 */
final class AggregateEventReader {
    /** Keys probed per query while searching for the last sequence number. */
    private static final int PROBES_PER_QUERY = 64;

    private final CommitLookup lookup;

    AggregateEventReader(CommitLookup lookup) {
        this.lookup = lookup;
    }

    /** Events of {@code aggregateId} with sequence in [first, first + batchSize), in sequence order. */
    List<StoredEvent> fetch(String aggregateId, long first, int batchSize) {
        List<String> keys = new ArrayList<>(batchSize);
        for (long seq = first; seq < first + batchSize; seq++) {
            keys.add(CommitDocument.aggregateKey(aggregateId, seq));
        }
        return lookup.byAggregateKeys(keys).stream()
                .filter(e -> e.belongsTo(aggregateId) && e.sequence() >= first && e.sequence() < first + batchSize)
                .sorted(Comparator.comparingLong(StoredEvent::sequence))
                .toList();
    }

    /**
     * The highest sequence number, found in O(log n) keyed queries: first probe 0, 1, 2, 4, 8 … to bracket it, then
     * narrow the bracket {@value #PROBES_PER_QUERY}-fold per query.
     */
    Optional<Long> lastSequence(String aggregateId) {
        List<Long> probes = new ArrayList<>();
        for (long seq = 0; seq >= 0 && seq < Long.MAX_VALUE / 4; seq = seq == 0 ? 1 : seq * 2) {
            probes.add(seq);
            if (probes.size() > 62) {
                break;
            }
        }
        long present = -1;
        long absent = Long.MAX_VALUE;
        for (boolean firstRound = true; firstRound || absent - present > 1; firstRound = false) {
            if (!firstRound) {
                probes = between(present, absent);
            }
            Set<String> found = lookup.presentAggregateKeys(keysOf(aggregateId, probes));
            for (long probe : probes) {
                if (found.contains(CommitDocument.aggregateKey(aggregateId, probe))) {
                    present = Math.max(present, probe);
                } else if (probe > present) {
                    absent = Math.min(absent, probe);
                }
            }
            if (present < 0) {
                return Optional.empty();
            }
        }
        return Optional.of(present);
    }

    /** Up to {@value #PROBES_PER_QUERY} evenly spread sequence numbers strictly between the two bounds. */
    private static List<Long> between(long present, long absent) {
        long span = absent - present - 1;
        long step = Math.max(1, (span + PROBES_PER_QUERY - 1) / PROBES_PER_QUERY);
        List<Long> probes = new ArrayList<>();
        for (long seq = present + step; seq < absent; seq += step) {
            probes.add(seq);
        }
        if (step > 1 && probes.get(probes.size() - 1) != absent - 1) {
            probes.add(absent - 1);
        }
        return probes;
    }

    private static List<String> keysOf(String aggregateId, List<Long> sequences) {
        return sequences.stream().map(seq -> CommitDocument.aggregateKey(aggregateId, seq)).toList();
    }
}
