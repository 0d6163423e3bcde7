package city.beacon.web.task;

import city.beacon.web.security.CurrentActor;
import jakarta.validation.Valid;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.*;

/** A signed-in user acting for a department: {@code POST /api/tasks/{id}/{action}}; each answers 204. */
@RestController
@RequestMapping("/api/tasks/{id}")
public class TaskActionController {
    private final TaskActions actions;

    public TaskActionController(TaskActions actions) {
        this.actions = actions;
    }

    @PostMapping("/acknowledge")
    ResponseEntity<Void> acknowledge(@PathVariable String id, Authentication user) {
        actions.acknowledge(id, CurrentActor.of(user));
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/decline")
    ResponseEntity<Void> decline(@PathVariable String id, @Valid @RequestBody DeclineRequest body, Authentication user) {
        actions.decline(id, body, CurrentActor.of(user));
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/progress")
    ResponseEntity<Void> progress(@PathVariable String id, @Valid @RequestBody ProgressRequest body,
                                  Authentication user) {
        actions.progress(id, body, CurrentActor.of(user));
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/complete")
    ResponseEntity<Void> complete(@PathVariable String id, @Valid @RequestBody CompleteRequest body,
                                  Authentication user) {
        actions.complete(id, body, CurrentActor.of(user));
        return ResponseEntity.noContent().build();
    }
}
