package city.beacon.web.department;

import city.beacon.api.common.NotPermittedException;
import city.beacon.api.common.Role;
import city.beacon.web.security.CurrentActor;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/**
 * {@code GET /api/admin/departments}: for administrators, how Beacon reaches each department's system — its circuit,
 * the notices waiting for it, and when it last accepted or failed one.
 */
@RestController
public class DepartmentsController {
    private final DepartmentLinks notifier;

    public DepartmentsController(DepartmentLinks notifier) {
        this.notifier = notifier;
    }

    @GetMapping("/api/admin/departments")
    List<DepartmentStatus> departments(Authentication user) {
        if (CurrentActor.of(user).role() != Role.ADMIN) {
            throw new NotPermittedException("only administrators see how department systems are reached");
        }
        return notifier.departments();
    }
}
