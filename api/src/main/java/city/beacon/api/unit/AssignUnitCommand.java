package city.beacon.api.unit;

import city.beacon.api.common.Actor;
import city.beacon.api.common.Department;
import city.beacon.api.incident.IncidentId;
import city.beacon.api.task.TaskId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Puts an available unit on a task of its own department.
 * @param taskDepartment the task's department as the sender looked it up (the unit checks it against its own)
 * @param by who assigns: the unit's department decides whether they may
 */
public record AssignUnitCommand(@TargetAggregateIdentifier UnitId unitId, TaskId taskId, IncidentId incidentId,
                                Department taskDepartment, Actor by) {
}
