package city.beacon.infra.eventstore;

import com.mongodb.client.MongoCollection;
import org.bson.Document;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.in;
import static com.mongodb.client.model.Projections.include;

/**
 * The only way the engine reads commits: {@code $in} on one of the two unique multikey indexes, then on {@code _id}.
 * Both are index lookups per key on the embedded server and on MongoDB alike, so their cost does not grow with the
 * store.
 * <p>
 * Why two steps: the embedded server answers an {@code $in} over a multikey index with a commit once per key it holds
 * (a 100-event commit asked for its 100 positions comes back 100 times, and large commits made one reply exceed the
 * driver's 48 MB limit). So the keys are first resolved to commit ids, which comes back small however often a commit
 * repeats, and the distinct commits are then read by {@code _id} (a single-valued index: each exactly once) in
 * slices that bound a reply.
 */
final class CommitLookup {
    /** Commits read per query by {@code _id}. */
    static final int COMMITS_PER_QUERY = 64;

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
        for (Document commit : commitsOf(CommitDocument.AGGREGATE_KEYS, keys, CommitDocument.AGGREGATE_KEYS)) {
            present.addAll(commit.getList(CommitDocument.AGGREGATE_KEYS, String.class));
        }
        present.retainAll(new HashSet<>(keys));
        return present;
    }

    private List<StoredEvent> eventsOf(String field, Collection<?> values) {
        List<StoredEvent> events = new ArrayList<>();
        for (Document commit : commitsOf(field, values, null)) {
            events.addAll(CommitDocument.events(commit));
        }
        return events;
    }

    /** Each commit holding one of {@code values} exactly once; only {@code onlyField} of it when not null. */
    private List<Document> commitsOf(String field, Collection<?> values, String onlyField) {
        List<Document> found = new ArrayList<>();
        if (values.isEmpty()) {
            return found;
        }
        if (values.size() == 1) {
            // One key is held by at most one commit (unique index), which then comes back once: one query will do.
            var query = commits.find(eq(field, values.iterator().next()));
            (onlyField == null ? query : query.projection(include(onlyField))).into(found);
            return found;
        }
        Set<Object> ids = new LinkedHashSet<>();
        for (Document commit : commits.find(in(field, values)).projection(include(CommitDocument.ID))) {
            ids.add(commit.get(CommitDocument.ID));
        }
        List<Object> distinct = new ArrayList<>(ids);
        for (int from = 0; from < distinct.size(); from += COMMITS_PER_QUERY) {
            var slice = distinct.subList(from, Math.min(distinct.size(), from + COMMITS_PER_QUERY));
            var query = commits.find(in(CommitDocument.ID, slice));
            (onlyField == null ? query : query.projection(include(onlyField))).into(found);
        }
        return found;
    }
}
