package city.beacon.api.unit;

import city.beacon.api.common.Department;
import city.beacon.api.incident.IncidentId;
import city.beacon.api.incident.IncidentScoped;
import city.beacon.api.task.TaskId;

import java.time.Instant;

/** @param taskId the task the unit served until now; @param by the user id, or beacon:unit-release */
public record UnitReleasedEvent(UnitId unitId, Department department, String unitName, TaskId taskId,
                                IncidentId incidentId, String by, Instant releasedAt) implements UnitScoped, IncidentScoped {
}
