package city.beacon.api.task;

import city.beacon.api.common.Department;
import city.beacon.api.incident.IncidentId;
import city.beacon.api.incident.IncidentScoped;

import java.time.Instant;

/** A department's system confirmed receipt. @param attempts how many tries it took */
public record TaskNotificationDeliveredEvent(TaskId taskId, IncidentId incidentId, Department department,
                                             NoticeKind notice, String recipient, int attempts,
                                             Instant deliveredAt) implements IncidentScoped, TaskScoped {
}
