package city.beacon.infra.audit;

import city.beacon.api.audit.LatestSeal;
import city.beacon.api.audit.VerificationProgress;
import city.beacon.web.audit.TamperEvidence;
import org.springframework.stereotype.Component;

import java.util.Optional;

/** The tamper-evidence port, answered from the stored seals and verification runs. */
@Component
class StoredTamperEvidence implements TamperEvidence {
    private final VerificationRuns runs;
    private final Seals seals;

    StoredTamperEvidence(VerificationRuns runs, Seals seals) {
        this.runs = runs;
        this.seals = seals;
    }

    @Override
    public VerificationProgress verify() {
        return runs.start();
    }

    @Override
    public Optional<VerificationProgress> verification(String runId) {
        return runs.find(runId);
    }

    @Override
    public Optional<LatestSeal> latestSeal() {
        var seal = seals.latest();
        return seal.number() == 0 ? Optional.empty()
                : Optional.of(new LatestSeal(seal.number(), seal.from(), seal.to(), seal.hash(), seal.sealedAt()));
    }
}
