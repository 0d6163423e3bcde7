package city.beacon.api.unit;

import city.beacon.api.common.Department;
import city.beacon.api.incident.IncidentId;
import city.beacon.api.task.TaskId;

import java.time.Instant;

/**
 * A unit's own status report. Not {@code IncidentScoped}: a unit going out of service concerns no incident, and an
 * incident-scoped event must always name one. {@code taskId}/{@code incidentId} name the task served, if any.
 */
public record UnitStatusReportedEvent(UnitId unitId, Department department, UnitStatus status, UnitStatus previous,
                                      TaskId taskId, IncidentId incidentId, String note, String by,
                                      Instant reportedAt) implements UnitScoped {
}
