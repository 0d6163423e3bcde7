package city.beacon.api.task;

import city.beacon.api.common.Department;
import city.beacon.api.incident.IncidentId;
import city.beacon.api.incident.IncidentScoped;

import java.time.Instant;

/** @param status EN_ROUTE or ON_SCENE */
public record TaskProgressReportedEvent(TaskId taskId, IncidentId incidentId, Department department,
                                        TaskStatus status, String note, String by, Instant reportedAt) implements IncidentScoped, TaskScoped {
}
