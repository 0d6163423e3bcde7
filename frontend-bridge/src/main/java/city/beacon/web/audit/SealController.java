package city.beacon.web.audit;

import city.beacon.api.audit.LatestSeal;
import city.beacon.api.audit.VerificationProgress;
import city.beacon.web.problem.UnknownResourceException;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;

/** Tamper evidence for auditors (docs/audit.md): verification runs and the newest seal. */
@RestController
@RequestMapping("/api/audit")
public class SealController {
    private final TamperEvidence evidence;

    public SealController(TamperEvidence evidence) {
        this.evidence = evidence;
    }

    @PostMapping("/verify")
    ResponseEntity<VerificationProgress> verify() {
        var run = evidence.verify();
        return ResponseEntity.accepted().location(URI.create("/api/audit/verify/" + run.runId())).body(run);
    }

    @GetMapping("/verify/{runId}")
    VerificationProgress run(@PathVariable String runId) {
        return evidence.verification(runId)
                .orElseThrow(() -> new UnknownResourceException("No verification run " + runId));
    }

    /** The chain's head, to be kept outside the store (the log also receives every seal's hash). */
    @GetMapping("/seals/latest")
    LatestSeal latest() {
        return evidence.latestSeal().orElseThrow(() -> new UnknownResourceException("Nothing sealed yet"));
    }
}
