package city.beacon.infra.incident;

import city.beacon.api.incident.IncidentNumber;
import city.beacon.command.incident.IncidentNumbers;
import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReturnDocument;
import org.bson.Document;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Updates.inc;

/** One counter document per city day, incremented atomically; keyed by _id so it never scans. */
public class MongoIncidentNumbers implements IncidentNumbers {
    private final MongoCollection<Document> counters;
    private final ZoneId zone;

    public MongoIncidentNumbers(MongoDatabase database, ZoneId zone) {
        this.counters = database.getCollection("incident_numbers");
        this.zone = zone;
    }

    @Override
    public IncidentNumber next(Instant reportedAt) {
        LocalDate day = LocalDate.ofInstant(reportedAt, zone);
        return IncidentNumber.of(day, increment(day.toString()));
    }

    private long increment(String day) {
        var options = new FindOneAndUpdateOptions().upsert(true).returnDocument(ReturnDocument.AFTER);
        try {
            return counters.findOneAndUpdate(eq("_id", day), inc("seq", 1L), options).get("seq", Number.class).longValue();
        } catch (MongoWriteException e) {
            // Two first reports of the day raced to create the counter; the loser increments the winner's.
            if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                throw e;
            }
            return counters.findOneAndUpdate(eq("_id", day), inc("seq", 1L), options).get("seq", Number.class).longValue();
        }
    }
}
