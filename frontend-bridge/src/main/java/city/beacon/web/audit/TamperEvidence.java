package city.beacon.web.audit;

import city.beacon.api.audit.LatestSeal;
import city.beacon.api.audit.VerificationProgress;

import java.util.Optional;

/** The seal chain over the event stream and its verification runs (a port: the sealer's store answers it). */
public interface TamperEvidence {

    /** Starts a verification run, or answers the one already running. */
    VerificationProgress verify();

    Optional<VerificationProgress> verification(String runId);

    /** The newest seal; empty while nothing is sealed. */
    Optional<LatestSeal> latestSeal();
}
