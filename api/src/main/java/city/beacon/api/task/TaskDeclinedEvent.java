package city.beacon.api.task;

import city.beacon.api.common.Department;
import city.beacon.api.incident.IncidentId;
import city.beacon.api.incident.IncidentScoped;

import java.time.Instant;

public record TaskDeclinedEvent(TaskId taskId, IncidentId incidentId, Department department, String by,
                                String reason, Instant declinedAt) implements IncidentScoped, TaskScoped {
}
