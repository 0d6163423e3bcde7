package city.beacon.web.task;

import city.beacon.api.common.Actor;
import city.beacon.api.common.Department;
import city.beacon.api.common.NotPermittedException;
import city.beacon.api.common.Role;
import city.beacon.api.common.RuleViolationException;
import city.beacon.api.task.FindTaskQuery;
import city.beacon.api.task.FindTasksQuery;
import city.beacon.api.task.TaskId;
import city.beacon.api.task.TaskStatus;
import city.beacon.api.task.TaskView;
import city.beacon.web.messaging.Queries;
import city.beacon.web.problem.UnknownResourceException;
import city.beacon.web.security.CurrentActor;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.*;

import java.util.List;

/**
 * Task queues: {@code GET /api/tasks?department=&status=} and {@code GET /api/tasks/{id}}. A liaison sees only
 * their own department; operators, admins and auditors see every department or the one they name.
 */
@RestController
@RequestMapping("/api/tasks")
public class TaskController {
    private final Queries queries;

    public TaskController(Queries queries) {
        this.queries = queries;
    }

    @GetMapping
    List<TaskView> list(@RequestParam(required = false) String department,
                        @RequestParam(required = false) TaskStatus status, Authentication user) {
        var actor = CurrentActor.of(user);
        var named = department == null || department.isBlank() ? null : parse(department);
        var wanted = actor.role() == Role.LIAISON && named == null ? actor.department() : named;
        requireMaySee(actor, wanted);
        return queries.ask(new FindTasksQuery(wanted, status), ResponseTypes.multipleInstancesOf(TaskView.class));
    }

    @GetMapping("/{id}")
    TaskView find(@PathVariable String id, Authentication user) {
        var task = queries.ask(new FindTaskQuery(new TaskId(id)), ResponseTypes.optionalInstanceOf(TaskView.class))
                .orElseThrow(() -> new UnknownResourceException("No task " + id));
        requireMaySee(CurrentActor.of(user), new Department(task.department()));
        return task;
    }

    private static void requireMaySee(Actor actor, Department department) {
        if (actor.role() == Role.LIAISON && !actor.department().equals(department)) {
            throw new NotPermittedException("a liaison of " + actor.department() + " sees only that department's tasks");
        }
    }

    private static Department parse(String code) {
        Department department;
        try {
            department = Department.of(code);
        } catch (IllegalArgumentException e) {
            throw new RuleViolationException("department", e.getMessage());
        }
        // An unknown department is a mistake to name, not an empty queue (as for units).
        if (!Department.STANDARD.contains(department)) {
            throw new RuleViolationException("department", "no department " + department.code());
        }
        return department;
    }
}
