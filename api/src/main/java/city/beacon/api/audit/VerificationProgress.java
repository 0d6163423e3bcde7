package city.beacon.api.audit;

import java.time.Instant;

/**
 * Where a run of the seal verification stands ({@code POST /api/audit/verify}); immutable, replaced after every
 * slice. {@code state} is RUNNING, INTACT, BROKEN (a mismatch was found) or FAILED (the run could not finish).
 */
public record VerificationProgress(String runId, String state, long sealsChecked, long sealsTotal, long eventsChecked,
                                   long intactThrough, Mismatch firstMismatch, Instant startedAt,
                                   Instant finishedAt) {

    /** The first position (or seal) whose stored content no longer matches. */
    public record Mismatch(long position, Long seal, String reason) { }

    public VerificationProgress next(long sealsChecked, long eventsChecked, long intactThrough) {
        return new VerificationProgress(runId, state, sealsChecked, sealsTotal, eventsChecked, intactThrough, null,
                startedAt, null);
    }

    public VerificationProgress finished(String state, Mismatch mismatch, Instant at) {
        return new VerificationProgress(runId, state, sealsChecked, sealsTotal, eventsChecked, intactThrough,
                mismatch, startedAt, at);
    }
}
