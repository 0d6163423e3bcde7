package city.beacon.api.task;

import city.beacon.api.common.Department;
import city.beacon.api.incident.IncidentId;
import city.beacon.api.incident.IncidentScoped;

import java.time.Instant;

public record TaskRequestedEvent(TaskId taskId, IncidentId incidentId, Department department, String action,
                                 Priority priority, Instant acknowledgeBy, Instant requestedAt) implements IncidentScoped, TaskScoped {
}
