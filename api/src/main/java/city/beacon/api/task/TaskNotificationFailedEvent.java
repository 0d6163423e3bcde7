package city.beacon.api.task;

import city.beacon.api.common.Department;
import city.beacon.api.incident.IncidentId;
import city.beacon.api.incident.IncidentScoped;

import java.time.Instant;

/** Every try failed; the department must be reached another way (its console, the phone). */
public record TaskNotificationFailedEvent(TaskId taskId, IncidentId incidentId, Department department,
                                          NoticeKind notice, String recipient, int attempts, String reason,
                                          Instant failedAt) implements IncidentScoped, TaskScoped {
}
