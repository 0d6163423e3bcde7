package city.beacon.infra.cap;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import org.bson.Document;

import java.time.Instant;
import java.util.Optional;

import static com.mongodb.client.model.Filters.eq;

/**
 * {@code cap_alerts}: which incident each received alert created or changed, keyed by "sender,identifier" (how CAP
 * references name an alert). An alert is claimed by inserting its key, so a duplicate — even two copies arriving
 * at once — finds the key taken.
 */
class ReceivedAlerts {
    private final MongoCollection<Document> alerts;

    ReceivedAlerts(MongoDatabase database) {
        this.alerts = database.getCollection("cap_alerts");
    }

    /** @return false if the alert was received before */
    boolean claim(String key, String incidentId, Instant at) {
        try {
            alerts.insertOne(new Document("_id", key).append("incidentId", incidentId).append("receivedAt", at.toString()));
            return true;
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
                return false;
            }
            throw e;
        }
    }

    void release(String key) {
        alerts.deleteOne(eq("_id", key));
    }

    Optional<String> incidentOf(String key) {
        return Optional.ofNullable(alerts.find(eq("_id", key)).first()).map(d -> d.getString("incidentId"));
    }
}
