package city.beacon.api.task;

import city.beacon.api.common.Department;
import city.beacon.api.incident.IncidentId;
import city.beacon.api.incident.IncidentScoped;

import java.time.Instant;

/** @param by the user id of whoever acknowledged */
public record TaskAcknowledgedEvent(TaskId taskId, IncidentId incidentId, Department department, String by,
                                    Instant acknowledgedAt) implements IncidentScoped, TaskScoped {
}
