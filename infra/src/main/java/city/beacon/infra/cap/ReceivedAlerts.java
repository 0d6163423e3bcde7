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
 * references name an alert), with the sender and whether it was an exercise, which decide who may change that
 * incident later. An alert is claimed by inserting its key, so a duplicate — even two copies arriving at once —
 * finds the key taken.
 */
class ReceivedAlerts {
    private final MongoCollection<Document> alerts;

    /**
     * @param incidentId null for an alert that changed nothing (a Cancel of an alert never received)
     * @param agency     the configured agency whose key delivered it (null in records from before it was kept)
     */
    record Received(String key, String sender, String incidentId, boolean drill, String agency) {
    }

    ReceivedAlerts(MongoDatabase database) {
        this.alerts = database.getCollection("cap_alerts");
    }

    static String key(String sender, String identifier) {
        return sender + "," + identifier;
    }

    /** @return false if the alert was received before */
    boolean claim(Received alert, Instant at) {
        try {
            alerts.insertOne(new Document("_id", alert.key()).append("sender", alert.sender())
                    .append("incidentId", alert.incidentId()).append("drill", alert.drill()).append("agency", alert.agency())
                    .append("receivedAt", at.toString()));
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

    Optional<Received> find(String key) {
        return Optional.ofNullable(alerts.find(eq("_id", key)).first()).map(d -> new Received(key,
                d.getString("sender") != null ? d.getString("sender") : key.substring(0, key.indexOf(',')),
                d.getString("incidentId"), Boolean.TRUE.equals(d.getBoolean("drill")), d.getString("agency")));
    }
}
