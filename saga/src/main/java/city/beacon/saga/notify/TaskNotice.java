package city.beacon.saga.notify;

import city.beacon.api.common.Department;
import city.beacon.api.incident.IncidentId;
import city.beacon.api.task.NoticeKind;
import city.beacon.api.task.Priority;
import city.beacon.api.task.TaskId;

import java.time.Instant;

/** What a department's system is told about a task. */
public record TaskNotice(NoticeKind kind, TaskId taskId, IncidentId incidentId, Department department,
                         String action, Priority priority, Instant acknowledgeBy) {
}
