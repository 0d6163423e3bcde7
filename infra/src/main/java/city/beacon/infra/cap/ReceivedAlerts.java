package city.beacon.infra.cap;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Updates;
import org.bson.Document;

import java.time.Instant;
import java.util.Optional;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;

/**
 * {@code cap_alerts}: which incident each received alert created or changed, keyed by "sender,identifier" (how CAP
 * references name an alert), with the sender and whether it was an exercise, which decide who may change that
 * incident later. An alert is claimed by inserting its key, so a duplicate — even two copies arriving at once —
 * finds the key taken. A claim is marked {@code taken} once every command of the alert was accepted: a claim left
 * untaken by a node that died between the claim and its commands is retaken when the sender sends the alert again
 * (after a grace period longer than a command may take), so a re-sent alert is never answered "already received"
 * for changes that were never made.
 */
class ReceivedAlerts {
    private final MongoCollection<Document> alerts;

    /**
     * @param incidentId null for an alert that changed nothing (a Cancel of an alert never received)
     * @param agency     the configured agency whose key delivered it (null in records from before it was kept)
     */
    record Received(String key, String sender, String incidentId, boolean drill, String agency) {
    }

    /** A claim as stored: {@code taken} false while its commands may still be under way (or died with a node). */
    record Claim(Received alert, boolean taken, Instant claimedAt) {
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
                    .append("incidentId", alert.incidentId()).append("drill", alert.drill())
                    .append("agency", alert.agency())
                    .append("receivedAt", at.toString()).append("claimedAt", at.toString()).append("taken", false));
            return true;
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
                return false;
            }
            throw e;
        }
    }

    /** Every command of the alert was accepted: a copy sent again changes nothing from now on. */
    void markTaken(String key) {
        alerts.updateOne(eq("_id", key), Updates.set("taken", true));
    }

    /**
     * Takes over an untaken claim older than {@code olderThan}; only one of several nodes retaking at once wins.
     *
     * @return the claim as retaken, or empty when it was taken meanwhile or another copy retook it first
     */
    Optional<Claim> retake(Claim claim, Instant olderThan, Instant now) {
        if (claim.taken() || !claim.claimedAt().isBefore(olderThan)) {
            return Optional.empty();
        }
        var won = alerts.updateOne(and(eq("_id", claim.alert().key()), eq("taken", false),
                        eq("claimedAt", claim.claimedAt().toString())),
                Updates.set("claimedAt", now.toString())).getModifiedCount() == 1;
        return won ? Optional.of(new Claim(claim.alert(), false, now)) : Optional.empty();
    }

    void release(String key) {
        alerts.deleteOne(eq("_id", key));
    }

    Optional<Received> find(String key) {
        return claim(key).map(Claim::alert);
    }

    Optional<Claim> claim(String key) {
        return Optional.ofNullable(alerts.find(eq("_id", key)).first()).map(d -> new Claim(new Received(key,
                d.getString("sender") != null ? d.getString("sender") : key.substring(0, key.indexOf(',')),
                d.getString("incidentId"), Boolean.TRUE.equals(d.getBoolean("drill")), d.getString("agency")),
                // records from before claims were marked were only written for alerts taken whole
                !Boolean.FALSE.equals(d.getBoolean("taken")),
                Instant.parse(d.getString(d.containsKey("claimedAt") ? "claimedAt" : "receivedAt"))));
    }
}
