package city.beacon.infra.audit;

import city.beacon.api.audit.VerificationProgress;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.ReplaceOptions;
import org.bson.Document;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Optional;

import static com.mongodb.client.model.Filters.eq;

/**
 * Verification runs as stored in {@code audit_verifications} (one document per run, keyed by its id), so a run's
 * progress and result can be asked of any node and survive a restart. A run still marked running that has not moved
 * for {@link #SILENCE} lost its node (a slice of one seal takes seconds) and is answered as FAILED.
 */
final class VerificationRecords {
    static final String COLLECTION = "audit_verifications";
    static final Duration SILENCE = Duration.ofMinutes(10);
    private final MongoCollection<Document> runs;
    private final Clock clock;

    VerificationRecords(MongoDatabase database, Clock clock) {
        this.runs = database.getCollection(COLLECTION);
        this.clock = clock;
    }

    void save(VerificationProgress progress) {
        var mismatch = progress.firstMismatch();
        var document = new Document("_id", progress.runId())
                .append("state", progress.state())
                .append("sealsChecked", progress.sealsChecked())
                .append("sealsTotal", progress.sealsTotal())
                .append("eventsChecked", progress.eventsChecked())
                .append("intactThrough", progress.intactThrough())
                .append("firstMismatch", mismatch == null ? null : new Document("position", mismatch.position())
                        .append("seal", mismatch.seal()).append("reason", mismatch.reason()))
                .append("startedAt", date(progress.startedAt()))
                .append("finishedAt", date(progress.finishedAt()))
                .append("updatedAt", Date.from(clock.instant()));
        runs.replaceOne(eq("_id", progress.runId()), document, new ReplaceOptions().upsert(true));
    }

    Optional<VerificationProgress> find(String runId) {
        Document found = runs.find(eq("_id", runId)).first();
        if (found == null) {
            return Optional.empty();
        }
        Document mismatch = found.get("firstMismatch", Document.class);
        var progress = new VerificationProgress(runId, found.getString("state"), found.getLong("sealsChecked"),
                found.getLong("sealsTotal"), found.getLong("eventsChecked"), found.getLong("intactThrough"),
                mismatch == null ? null : new VerificationProgress.Mismatch(mismatch.getLong("position"),
                        mismatch.getLong("seal"), mismatch.getString("reason")),
                instant(found.getDate("startedAt")), instant(found.getDate("finishedAt")));
        Instant updated = found.getDate("updatedAt").toInstant();
        if ("RUNNING".equals(progress.state()) && updated.plus(SILENCE).isBefore(clock.instant())) {
            return Optional.of(progress.finished("FAILED", null, updated));
        }
        return Optional.of(progress);
    }

    private static Date date(Instant instant) {
        return instant == null ? null : Date.from(instant);
    }

    private static Instant instant(Date date) {
        return date == null ? null : date.toInstant();
    }
}
