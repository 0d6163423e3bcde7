package city.beacon.api.task;

import city.beacon.api.common.Department;
import city.beacon.api.incident.IncidentId;
import city.beacon.api.incident.IncidentScoped;

import java.time.Instant;

public record TaskEscalatedEvent(TaskId taskId, IncidentId incidentId, Department department, int level,
                                 EscalationStep step, Instant nextDeadline, Instant escalatedAt) implements IncidentScoped, TaskScoped {
}
