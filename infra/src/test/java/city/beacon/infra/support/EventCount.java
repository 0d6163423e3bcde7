package city.beacon.infra.support;

import com.mongodb.client.MongoDatabase;
import org.bson.Document;

import static com.mongodb.client.model.Filters.eq;

/**
 * How much the event store holds, read through the driver: commit documents and the last reserved event position.
 * Any append, even one that later failed, moves the position, so an unchanged count means nothing was written.
 */
public record EventCount(long commits, long lastPosition) {

    public static EventCount of(MongoDatabase database) {
        long commits = database.getCollection("event_commits").countDocuments();
        Document counter = database.getCollection("event_counters").find(eq("_id", "global-position")).first();
        long last = counter == null ? 0 : counter.get("last", Number.class).longValue();
        return new EventCount(commits, last);
    }

    @Override
    public String toString() {
        return commits + " commits, last position " + lastPosition;
    }
}
