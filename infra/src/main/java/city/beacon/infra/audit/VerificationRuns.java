package city.beacon.infra.audit;

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
 * Verification runs in the background, one at a time per node, so a long run never holds a request; its progress
 * is kept in memory on the node that runs it (ask that node: docs/audit.md).
 */
@Component
public class VerificationRuns {
    private static final Logger log = LoggerFactory.getLogger(VerificationRuns.class);
    private static final int KEPT = 100;
    private final Verification verification;
    private final Clock clock;
    private final Map<String, Verification.Progress> runs = new ConcurrentHashMap<>();
    private final ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
        var thread = new Thread(r, "audit-verify");
        thread.setDaemon(true);
        return thread;
    });

    public VerificationRuns(Seals seals, Clock clock) {
        this.verification = new Verification(seals, clock);
        this.clock = clock;
    }

    Verification.Progress start() {
        if (runs.size() >= KEPT) {
            runs.values().stream().filter(p -> p.finishedAt() != null)
                    .min(java.util.Comparator.comparing(Verification.Progress::startedAt))
                    .ifPresent(oldest -> runs.remove(oldest.runId()));
        }
        String runId = UUID.randomUUID().toString();
        var queued = new Verification.Progress(runId, "RUNNING", 0, 0, 0, 0, null, clock.instant(), null);
        runs.put(runId, queued);
        executor.submit(() -> {
            try {
                var result = verification.run(runId, progress -> runs.put(runId, progress));
                log.info("audit verification {}: {} through position {}{}", runId, result.state(),
                        result.intactThrough(), result.firstMismatch() == null ? "" : ", " + result.firstMismatch());
            } catch (RuntimeException e) {
                log.error("audit verification {} failed", runId, e);
                runs.computeIfPresent(runId, (id, p) -> p.finished("FAILED", null, clock.instant()));
            }
        });
        return queued;
    }

    Optional<Verification.Progress> find(String runId) {
        return Optional.ofNullable(runs.get(runId));
    }

    @PreDestroy
    void stop() {
        executor.shutdownNow();
    }
}
