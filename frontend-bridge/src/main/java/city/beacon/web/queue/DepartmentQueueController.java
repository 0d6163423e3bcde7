package city.beacon.web.queue;

import city.beacon.api.board.DepartmentQueueItem;
import city.beacon.api.board.FindDepartmentQueueQuery;
import city.beacon.api.common.Department;
import city.beacon.api.common.NotPermittedException;
import city.beacon.api.common.Role;
import city.beacon.api.common.RuleViolationException;
import city.beacon.web.messaging.Queries;
import city.beacon.web.problem.UnknownResourceException;
import city.beacon.web.security.CurrentActor;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/**
 * {@code GET /api/departments/{code}/queue}: a department's open tasks with their incidents, most urgent first,
 * with the seconds left to acknowledge. Liaisons see only their own department's queue.
 */
@RestController
public class DepartmentQueueController {
    private final Queries queries;

    public DepartmentQueueController(Queries queries) {
        this.queries = queries;
    }

    @GetMapping("/api/departments/{code}/queue")
    List<DepartmentQueueItem> queue(@PathVariable String code, Authentication user) {
        Department department;
        try {
            department = Department.of(code);
        } catch (IllegalArgumentException e) {
            throw new RuleViolationException("code", e.getMessage());
        }
        if (!Department.STANDARD.contains(department)) {
            throw new UnknownResourceException("No department " + department.code());
        }
        var actor = CurrentActor.of(user);
        if (actor.role() == Role.LIAISON && !department.equals(actor.department())) {
            throw new NotPermittedException("a liaison sees only the queue of " + actor.department());
        }
        return queries.ask(new FindDepartmentQueueQuery(department),
                ResponseTypes.multipleInstancesOf(DepartmentQueueItem.class));
    }
}
