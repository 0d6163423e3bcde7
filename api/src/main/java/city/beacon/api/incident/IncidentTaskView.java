package city.beacon.api.incident;

import city.beacon.api.task.Priority;
import city.beacon.api.task.TaskStatus;

import java.time.Instant;

/** A task as shown inside its incident: which department, doing what, in which state, by when. */
public record IncidentTaskView(String taskId, String department, String action, Priority priority,
                               TaskStatus status, int escalationLevel, Instant acknowledgeBy, Instant requestedAt,
                               Instant acknowledgedAt, String acknowledgedBy, String lastNote, String outcome,
                               long seq) {
}
