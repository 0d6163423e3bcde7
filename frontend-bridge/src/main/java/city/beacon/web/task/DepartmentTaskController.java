package city.beacon.web.task;

import city.beacon.api.common.Actor;
import city.beacon.api.common.Department;
import city.beacon.api.common.NotPermittedException;
import city.beacon.web.department.DepartmentSystem;
import city.beacon.web.problem.UnknownResourceException;
import jakarta.validation.Valid;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.*;

/**
 * A department's own system calling back (DESIGN §6):
 * {@code POST /api/departments/{code}/tasks/{id}/acknowledge|decline|progress|complete} with its key in
 * {@code X-Api-Key}; recorded as actor {@code system:<CODE>}. Same bodies and answers as {@link TaskActionController}.
 */
@RestController
@RequestMapping("/api/departments/{code}/tasks/{id}")
public class DepartmentTaskController {
    private final TaskActions actions;

    public DepartmentTaskController(TaskActions actions) {
        this.actions = actions;
    }

    @PostMapping("/acknowledge")
    ResponseEntity<Void> acknowledge(@PathVariable String code, @PathVariable String id,
                                     @AuthenticationPrincipal DepartmentSystem system) {
        actions.acknowledge(id, actor(system, code));
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/decline")
    ResponseEntity<Void> decline(@PathVariable String code, @PathVariable String id,
                                 @Valid @RequestBody DeclineRequest body, @AuthenticationPrincipal DepartmentSystem system) {
        actions.decline(id, body, actor(system, code));
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/progress")
    ResponseEntity<Void> progress(@PathVariable String code, @PathVariable String id,
                                  @Valid @RequestBody ProgressRequest body,
                                  @AuthenticationPrincipal DepartmentSystem system) {
        actions.progress(id, body, actor(system, code));
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/complete")
    ResponseEntity<Void> complete(@PathVariable String code, @PathVariable String id,
                                  @Valid @RequestBody CompleteRequest body,
                                  @AuthenticationPrincipal DepartmentSystem system) {
        actions.complete(id, body, actor(system, code));
        return ResponseEntity.noContent().build();
    }

    /** A key speaks for exactly one department: the one in the path must be it. */
    private static Actor actor(DepartmentSystem system, String code) {
        if (system == null || !system.speaksFor(code)) {
            throw new NotPermittedException("this API key does not belong to department " + code);
        }
        try {
            return DepartmentSystem.actorFor(Department.of(code));
        } catch (IllegalArgumentException e) {
            throw new UnknownResourceException("No department " + code);
        }
    }
}
