package city.beacon.api.unit;

import city.beacon.api.common.Department;
import city.beacon.api.incident.IncidentId;
import city.beacon.api.incident.IncidentScoped;
import city.beacon.api.task.TaskId;

import java.time.Instant;

/** @param unitName carried so the incident's timeline can name the unit; @param by the user id of whoever assigned */
public record UnitAssignedEvent(UnitId unitId, Department department, String unitName, TaskId taskId,
                                IncidentId incidentId, String by, Instant assignedAt) implements UnitScoped, IncidentScoped {
}
