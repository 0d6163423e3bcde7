package city.beacon.infra.store;

import de.bwaldvogel.mongo.bson.Document;

import java.util.List;

/**
 * Recognises a tracking processor's claim extension on the wire: an update of {@code trackingtokens} that sets the
 * claim's {@code timestamp} and nothing else (axon-mongo's {@code MongoTokenStore.extendClaim}). It moves no token,
 * so it need not wait for the disk: a crash that loses it loses only a heartbeat, as if the node had died a moment
 * earlier, and its claim then expires as any dead node's does. Token updates, claims and releases still wait
 * ({@link DurableCollections}). Profiled under the bench's append load, claim extensions were half of the processors'
 * waiting on the store: one per batch and processor, each waiting for an fsync.
 */
final class ClaimExtensions {
    private static final String TIMESTAMP = "timestamp";

    private ClaimExtensions() {
    }

    static boolean isClaimExtension(String command, Document body) {
        if (!command.equals("update") || !DurableCollections.TRACKING_TOKENS.equals(body.get("update"))
                || !(body.get("updates") instanceof List<?> updates) || updates.isEmpty()) {
            return false;
        }
        for (Object update : updates) {
            if (!(update instanceof Document statement) || Boolean.TRUE.equals(statement.get("upsert"))
                    || Boolean.TRUE.equals(statement.get("multi"))
                    || !(statement.get("u") instanceof Document change) || change.size() != 1
                    || !(change.get("$set") instanceof Document set) || set.size() != 1
                    || !set.containsKey(TIMESTAMP)) {
                return false;
            }
        }
        return true;
    }
}
