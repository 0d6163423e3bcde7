package city.beacon.infra.audit;

import city.beacon.api.audit.VerificationProgress;
import city.beacon.api.audit.VerificationProgress.Mismatch;
import city.beacon.infra.eventstore.StoredHistory;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Recomputes the seal chain from what the store holds now: each seal must name its predecessor's hash, hash to its
 * stored value over its stored digests, and every position it covers must digest to what was sealed. The first
 * difference ends the run and is named by position. Reads seals and events by key, a slice at a time, and reports
 * progress after each slice.
 */
public final class Verification {
    private static final int SEALS_PER_READ = 20;
    private final Seals seals;
    private final Clock clock;

    public Verification(Seals seals, Clock clock) {
        this.seals = seals;
        this.clock = clock;
    }

    public interface Listener {
        void progressed(VerificationProgress progress);
    }

    public VerificationProgress run(String runId, Listener listener) {
        long total = seals.latest().number();
        var progress = new VerificationProgress(runId, "RUNNING", 0, total, 0, 0, null, clock.instant(), null);
        listener.progressed(progress);
        String previousHash = SealHashes.GENESIS;
        long previousTo = 0;
        for (long first = 1; first <= total; first += SEALS_PER_READ) {
            Map<Long, Seals.Seal> slice = seals.range(first, Math.min(total, first + SEALS_PER_READ - 1));
            for (long n = first; n <= Math.min(total, first + SEALS_PER_READ - 1); n++) {
                Seals.Seal seal = slice.get(n);
                Mismatch mismatch = check(n, seal, previousHash, previousTo);
                if (mismatch != null) {
                    progress = progress.finished("BROKEN", mismatch, clock.instant());
                    listener.progressed(progress);
                    return progress;
                }
                previousHash = seal.hash();
                previousTo = seal.to();
                progress = progress.next(n, progress.eventsChecked() + (seal.to() - seal.from() + 1), seal.to());
            }
            listener.progressed(progress);
        }
        progress = progress.finished("INTACT", null, clock.instant());
        listener.progressed(progress);
        return progress;
    }

    private Mismatch check(long number, Seals.Seal seal, String previousHash, long previousTo) {
        if (seal == null) {
            return new Mismatch(previousTo + 1, number, "seal " + number + " is missing");
        }
        if (seal.from() != previousTo + 1 || !previousHash.equals(seal.previous())) {
            return new Mismatch(seal.from(), number, "seal " + number + " does not continue the chain");
        }
        List<String> sealed = seal.digests();
        if (sealed.size() != seal.to() - seal.from() + 1
                || !SealHashes.sealHash(seal.previous(), seal.from(), seal.to(), sealed).equals(seal.hash())) {
            return new Mismatch(seal.from(), number, "seal " + number + " was altered");
        }
        List<String> now = seals.digests(seal.from(), seal.to());
        for (int i = 0; i < sealed.size(); i++) {
            if (!sealed.get(i).equals(now.get(i))) {
                long position = seal.from() + i;
                String reason;
                if (now.get(i).equals(SealHashes.absentDigest(position))) {
                    reason = "the event sealed at this position is gone";
                } else if (sealed.get(i).equals(SealHashes.absentDigest(position))) {
                    reason = "an event appeared at a position sealed as empty";
                } else {
                    reason = "the stored event differs from the one sealed";
                }
                return new Mismatch(position, number, reason);
            }
        }
        return null;
    }
}
