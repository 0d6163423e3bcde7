package city.beacon.infra.eventstore;

import com.mongodb.client.MongoCollection;
import org.bson.Document;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static com.mongodb.client.model.Filters.in;

/**
 * The only way the engine reads commits: {@code $in} on one of the two unique multikey indexes. That is an index
 * lookup per key on the embedded server and on MongoDB alike, so its cost does not grow with the store.
 */
final class CommitLookup {
    private final MongoCollection<Document> commits;

    CommitLookup(MongoCollection<Document> commits) {
        this.commits = commits;
    }

    List<StoredEvent> byPositions(Collection<Long> positions) {
        return eventsOf(CommitDocument.POSITIONS, positions);
    }

    List<StoredEvent> byAggregateKeys(Collection<String> keys) {
        return eventsOf(CommitDocument.AGGREGATE_KEYS, keys);
    }

    /** The aggregate keys present among {@code keys}; reads only the key arrays of the matching commits. */
    Set<String> presentAggregateKeys(Collection<String> keys) {
        Set<String> present = new HashSet<>();
        for (Document commit : commits.find(in(CommitDocument.AGGREGATE_KEYS, keys))
                .projection(new Document(CommitDocument.AGGREGATE_KEYS, 1))) {
            present.addAll(commit.getList(CommitDocument.AGGREGATE_KEYS, String.class));
        }
        present.retainAll(new HashSet<>(keys));
        return present;
    }

    private List<StoredEvent> eventsOf(String field, Collection<?> values) {
        List<StoredEvent> events = new ArrayList<>();
        if (values.isEmpty()) {
            return events;
        }
        // A commit matching several keys may come back more than once from the embedded server.
        Set<Object> seen = new HashSet<>();
        for (Document commit : commits.find(in(field, values))) {
            if (seen.add(commit.get(CommitDocument.ID))) {
                events.addAll(CommitDocument.events(commit));
            }
        }
        return events;
    }
}
