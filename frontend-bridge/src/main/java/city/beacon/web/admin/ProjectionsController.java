package city.beacon.web.admin;

import city.beacon.api.common.NotPermittedException;
import city.beacon.api.common.Role;
import city.beacon.web.problem.Problems;
import city.beacon.web.security.CurrentActor;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/**
 * For administrators: where every processor stands, and a rebuild of one read model while the live views keep
 * serving the old one until the new one has caught up (docs/operations.md, "Rebuilding a read model").
 */
@RestController
public class ProjectionsController {
    private final ProjectionAdministration projections;

    public ProjectionsController(ProjectionAdministration projections) {
        this.projections = projections;
    }

    @GetMapping("/api/admin/projections")
    List<ProjectionView> projections(Authentication user) {
        requireAdmin(user);
        return projections.projections();
    }

    @PostMapping("/api/admin/projections/{name}/replay")
    ResponseEntity<ProjectionView> replay(@PathVariable String name, Authentication user) {
        requireAdmin(user);
        return ResponseEntity.accepted().body(projections.replay(name));
    }

    @ExceptionHandler(UnknownProjectionException.class)
    ProblemDetail unknown(UnknownProjectionException e) {
        var problem = Problems.of(HttpStatus.NOT_FOUND, "not-found", "Not found", e.getMessage());
        problem.setProperty("name", e.name());
        return problem;
    }

    @ExceptionHandler(ReplayRefusedException.class)
    ProblemDetail refused(ReplayRefusedException e) {
        var problem = Problems.of(HttpStatus.CONFLICT, "replay-refused", "Replay not possible", e.getMessage());
        problem.setProperty("name", e.name());
        return problem;
    }

    private static void requireAdmin(Authentication user) {
        if (CurrentActor.of(user).role() != Role.ADMIN) {
            throw new NotPermittedException("only administrators see and rebuild projections");
        }
    }
}
