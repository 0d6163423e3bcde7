package city.beacon.infra.audit;

import city.beacon.api.audit.VerificationProgress;
import com.mongodb.client.MongoDatabase;
import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Verification runs in the background, one at a time per node, so a long run never holds a request. Its progress is
 * kept in memory on the node that runs it and stored after every slice ({@link VerificationRecords}), so any node can
 * answer for it, also after a restart.
 */
@Component
public class VerificationRuns {
    private static final Logger log = LoggerFactory.getLogger(VerificationRuns.class);
    private static final int KEPT = 100;
    private final Verification verification;
    private final Clock clock;
    private final Map<String, VerificationProgress> runs = new ConcurrentHashMap<>();
    private final ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
        var thread = new Thread(r, "audit-verify");
        thread.setDaemon(true);
        return thread;
    });

    private final VerificationRecords records;

    public VerificationRuns(Seals seals, Clock clock, MongoDatabase beaconDatabase) {
        this.verification = new Verification(seals, clock);
        this.clock = clock;
        this.records = new VerificationRecords(beaconDatabase, clock);
    }

    VerificationProgress start() {
        if (runs.size() >= KEPT) {
            runs.values().stream().filter(p -> p.finishedAt() != null)
                    .min(java.util.Comparator.comparing(VerificationProgress::startedAt))
                    .ifPresent(oldest -> runs.remove(oldest.runId()));
        }
        String runId = UUID.randomUUID().toString();
        var queued = new VerificationProgress(runId, "RUNNING", 0, 0, 0, 0, null, clock.instant(), null);
        runs.put(runId, queued);
        records.save(queued);
        executor.submit(() -> {
            try {
                var result = verification.run(runId, progress -> {
                    runs.put(runId, progress);
                    records.save(progress);
                });
                log.info("audit verification {}: {} through position {}{}", runId, result.state(),
                        result.intactThrough(), result.firstMismatch() == null ? "" : ", " + result.firstMismatch());
            } catch (RuntimeException e) {
                log.error("audit verification {} failed", runId, e);
                var failed = runs.computeIfPresent(runId, (id, p) -> p.finished("FAILED", null, clock.instant()));
                saveQuietly(failed);
            }
        });
        return queued;
    }

    /** This node's own runs from memory; any other (another node's, or one from before a restart) as stored. */
    Optional<VerificationProgress> find(String runId) {
        var mine = runs.get(runId);
        return mine != null ? Optional.of(mine) : records.find(runId);
    }

    private void saveQuietly(VerificationProgress progress) {
        try {
            if (progress != null) {
                records.save(progress);
            }
        } catch (RuntimeException e) {
            log.warn("could not store the end of audit verification {}", progress.runId(), e);
        }
    }

    @PreDestroy
    void stop() {
        executor.shutdownNow();
    }
}
