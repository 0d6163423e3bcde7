package city.beacon.infra.audit;

import city.beacon.web.problem.UnknownResourceException;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.time.Instant;

/** Tamper evidence for auditors (docs/audit.md): verification runs and the newest seal. */
@RestController
@RequestMapping("/api/audit")
public class SealController {
    private final VerificationRuns runs;
    private final Seals seals;

    public SealController(VerificationRuns runs, Seals seals) {
        this.runs = runs;
        this.seals = seals;
    }

    @PostMapping("/verify")
    ResponseEntity<Verification.Progress> verify() {
        var run = runs.start();
        return ResponseEntity.accepted().location(URI.create("/api/audit/verify/" + run.runId())).body(run);
    }

    @GetMapping("/verify/{runId}")
    Verification.Progress run(@PathVariable String runId) {
        return runs.find(runId).orElseThrow(() -> new UnknownResourceException("No verification run " + runId));
    }

    /** The chain's head, to be kept outside the store (the log also receives every seal's hash). */
    record LatestSeal(long number, long from, long to, String hash, Instant sealedAt) { }

    @GetMapping("/seals/latest")
    LatestSeal latest() {
        var seal = seals.latest();
        if (seal.number() == 0) {
            throw new UnknownResourceException("Nothing sealed yet");
        }
        return new LatestSeal(seal.number(), seal.from(), seal.to(), seal.hash(), seal.sealedAt());
    }
}
