package city.beacon.api.task;

import city.beacon.api.common.Department;
import city.beacon.api.incident.IncidentId;
import city.beacon.api.incident.IncidentScoped;

import java.time.Instant;

public record TaskCancelledEvent(TaskId taskId, IncidentId incidentId, Department department, String reason,
                                 Instant cancelledAt) implements IncidentScoped, TaskScoped {
}
