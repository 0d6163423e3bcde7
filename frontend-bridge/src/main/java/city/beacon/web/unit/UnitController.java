package city.beacon.web.unit;

import city.beacon.api.common.Actor;
import city.beacon.api.common.Department;
import city.beacon.api.common.NotPermittedException;
import city.beacon.api.common.Role;
import city.beacon.api.common.RuleViolationException;
import city.beacon.api.common.TransitionRejectedException;
import city.beacon.api.incident.IncidentId;
import city.beacon.api.task.FindTaskQuery;
import city.beacon.api.task.TaskId;
import city.beacon.api.task.TaskView;
import city.beacon.api.unit.*;
import city.beacon.web.messaging.Commands;
import city.beacon.web.messaging.Queries;
import city.beacon.web.security.CurrentActor;
import jakarta.validation.Valid;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.*;

import java.util.List;

/**
 * Units: {@code GET /api/units?department=} (a liaison sees only their department's), and a department's actions
 * on its units, each answering 204: {@code POST /api/units/{id}/assign}, {@code /status}, {@code /release}. The
 * Unit decides who may act; this controller looks up the task an assignment names, so the Unit can check that it
 * belongs to its own department.
 */
@RestController
@RequestMapping("/api/units")
public class UnitController {
    private final Commands commands;
    private final Queries queries;

    public UnitController(Commands commands, Queries queries) {
        this.commands = commands;
        this.queries = queries;
    }

    @GetMapping
    List<UnitView> list(@RequestParam(required = false) String department, Authentication user) {
        var actor = CurrentActor.of(user);
        var named = department == null || department.isBlank() ? null : parse(department);
        if (actor.role() == Role.LIAISON) {
            if (named != null && !named.equals(actor.department())) {
                throw new NotPermittedException("a liaison of " + actor.department() + " sees only that department's units");
            }
            named = actor.department();
        }
        return queries.ask(new FindUnitsQuery(named), ResponseTypes.multipleInstancesOf(UnitView.class));
    }

    @PostMapping("/{id}/assign")
    ResponseEntity<Void> assign(@PathVariable String id, @Valid @RequestBody AssignRequest body, Authentication user) {
        var actor = CurrentActor.of(user);
        var task = task(body.taskId());
        commands.send(new AssignUnitCommand(new UnitId(id), new TaskId(task.id()), new IncidentId(task.incidentId()),
                new Department(task.department()), actor), actor);
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/{id}/status")
    ResponseEntity<Void> status(@PathVariable String id, @Valid @RequestBody StatusRequest body, Authentication user) {
        Actor actor = CurrentActor.of(user);
        commands.send(new ReportUnitStatusCommand(new UnitId(id), body.status(), body.note(), actor), actor);
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/{id}/release")
    ResponseEntity<Void> release(@PathVariable String id, Authentication user) {
        Actor actor = CurrentActor.of(user);
        commands.send(new ReleaseUnitCommand(new UnitId(id), null, actor), actor);
        return ResponseEntity.noContent().build();
    }

    /** An ended task would keep its units forever: the automatic release only follows tasks that end later. */
    private TaskView task(String taskId) {
        var task = queries.ask(new FindTaskQuery(new TaskId(taskId)), ResponseTypes.optionalInstanceOf(TaskView.class))
                .orElseThrow(() -> new RuleViolationException("taskId", "no task " + taskId));
        if (task.status().hasEnded()) {
            throw new TransitionRejectedException("task " + taskId, task.status().name(), "assign a unit to it");
        }
        return task;
    }

    private static Department parse(String code) {
        Department department;
        try {
            department = Department.of(code);
        } catch (IllegalArgumentException e) {
            throw new RuleViolationException("department", e.getMessage());
        }
        if (!Department.STANDARD.contains(department)) {
            throw new RuleViolationException("department", "no department " + department.code());
        }
        return department;
    }
}
