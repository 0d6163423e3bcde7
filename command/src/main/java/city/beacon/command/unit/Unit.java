package city.beacon.command.unit;

import city.beacon.command.Transitions;
import city.beacon.command.ActingForDepartment;
import city.beacon.command.ActingForDepartment.BeaconItself;
import city.beacon.api.common.Department;
import city.beacon.api.common.RuleViolationException;
import city.beacon.api.common.TransitionRejectedException;
import city.beacon.api.incident.IncidentId;
import city.beacon.api.task.TaskId;
import city.beacon.api.unit.*;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

import java.time.Clock;
import java.util.EnumSet;

import static city.beacon.api.unit.UnitStatus.*;
import static city.beacon.command.Fields.*;
import static city.beacon.command.unit.UnitRules.*;
import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A department's resource — an engine, an ambulance, a repair crew — and what it is doing (DESIGN §2).
 * <p>
 * An aggregate of its own rather than a part of Task: a unit outlives every task it serves, serves one task after
 * another (and none while out of service), and its availability is what the command center asks about ("which
 * engines are free?"). Inside a Task it would exist only while that task does, and "is this engine free?" would
 * need every open task. As its own aggregate, "only when AVAILABLE" is decided by one consistent state, and two
 * liaisons assigning the same engine at once cannot both win.
 * <p>
 * Registering an existing unit, assigning it again to the task it serves, repeating a status and releasing a free
 * unit are no-ops: configuration is applied at every start-up, and the automatic release may race a liaison's.
 */
@Aggregate
public class Unit {
    @AggregateIdentifier
    private UnitId unitId;
    private Department department;
    private String name;
    private UnitStatus status;
    private TaskId taskId;
    private IncidentId incidentId;

    protected Unit() {
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(RegisterUnitCommand cmd, Clock clock) {
        if (unitId != null) {
            return;   // registered before: by an earlier start-up or by another node
        }
        var department = require(cmd.department(), "department");
        var kind = requireText(cmd.kind(), "kind", KIND_MAX);
        var name = requireText(cmd.name(), "name", NAME_MAX);
        apply(new UnitRegisteredEvent(cmd.unitId(), department, kind, name, clock.instant()));
    }

    @CommandHandler
    void handle(AssignUnitCommand cmd, Clock clock) {
        var by = ActingForDepartment.require(cmd.by(), department, "assign", "a unit", BeaconItself.MAY_NOT);
        var task = require(cmd.taskId(), "taskId");
        var incident = require(cmd.incidentId(), "incidentId");
        var taskDepartment = require(cmd.taskDepartment(), "taskDepartment");
        if (status.servesATask() && task.equals(taskId)) {
            return;   // the same assignment sent again
        }
        if (!department.equals(taskDepartment)) {
            throw new RuleViolationException("taskId", "task " + task + " is for " + taskDepartment + "; unit "
                    + unitId + " belongs to " + department);
        }
        if (status != AVAILABLE) {
            throw new TransitionRejectedException("unit " + unitId, status.name(), "assign it");
        }
        apply(new UnitAssignedEvent(unitId, department, name, task, incident, by, clock.instant()));
    }

    @CommandHandler
    void handle(ReportUnitStatusCommand cmd, Clock clock) {
        var by = ActingForDepartment.require(cmd.by(), department, "report the status of", "a unit", BeaconItself.MAY_NOT);
        var next = require(cmd.status(), "status");
        if (next == ASSIGNED) {
            throw new RuleViolationException("status",
                    "status must be EN_ROUTE, ON_SCENE, OUT_OF_SERVICE or AVAILABLE; assign the unit to a task instead");
        }
        if (next == status) {
            return;   // the same report sent again
        }
        switch (next) {
            case EN_ROUTE -> requireStatus("report it en route", EnumSet.of(ASSIGNED));
            case ON_SCENE -> requireStatus("report it on scene", EnumSet.of(ASSIGNED, EN_ROUTE));
            case OUT_OF_SERVICE -> requireStatus("take it out of service (release it first)", EnumSet.of(AVAILABLE));
            default -> requireStatus("report it available (release it from its task instead)",
                    EnumSet.of(OUT_OF_SERVICE));
        }
        var note = optionalText(cmd.note(), "note", NOTE_MAX);
        apply(new UnitStatusReportedEvent(unitId, department, next, status, taskId, incidentId, note, by,
                clock.instant()));
    }

    @CommandHandler
    void handle(ReleaseUnitCommand cmd, Clock clock) {
        var by = ActingForDepartment.require(cmd.by(), department, "release", "a unit", BeaconItself.MAY);
        if (!status.servesATask() || cmd.taskId() != null && !cmd.taskId().equals(taskId)) {
            return;   // already free, or re-assigned since the task this release was meant for
        }
        apply(new UnitReleasedEvent(unitId, department, name, taskId, incidentId, by, clock.instant()));
    }

    private void requireStatus(String action, EnumSet<UnitStatus> allowed) {
        Transitions.require("unit " + unitId, status, allowed, action);
    }

    @EventSourcingHandler
    void on(UnitRegisteredEvent e) {
        unitId = e.unitId();
        department = e.department();
        name = e.name();
        status = AVAILABLE;
    }

    @EventSourcingHandler
    void on(UnitAssignedEvent e) {
        status = ASSIGNED;
        taskId = e.taskId();
        incidentId = e.incidentId();
    }

    @EventSourcingHandler
    void on(UnitStatusReportedEvent e) {
        status = e.status();
    }

    @EventSourcingHandler
    void on(UnitReleasedEvent e) {
        status = AVAILABLE;
        taskId = null;
        incidentId = null;
    }
}
