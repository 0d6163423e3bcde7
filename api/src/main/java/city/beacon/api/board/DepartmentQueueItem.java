package city.beacon.api.board;

import city.beacon.api.incident.IncidentTaskView;
import city.beacon.api.incident.IncidentType;
import city.beacon.api.incident.IncidentView;
import city.beacon.api.incident.Location;
import city.beacon.api.incident.Severity;
import city.beacon.api.task.Priority;
import city.beacon.api.task.TaskStatus;

import java.time.Duration;
import java.time.Instant;

/**
 * One open task in a department's queue, with the incident it belongs to and the time left to acknowledge it
 * (negative when overdue; null once acknowledged).
 */
public record DepartmentQueueItem(String taskId, String department, String action, Priority priority,
                                  TaskStatus status, int escalationLevel, Instant acknowledgeBy, Long secondsLeft,
                                  Instant requestedAt, String incidentId, String incidentNumber,
                                  IncidentType incidentType, Severity incidentSeverity, Location location,
                                  boolean drill) {

    public static DepartmentQueueItem of(IncidentView incident, IncidentTaskView task, Instant now) {
        Long secondsLeft = task.status().awaitsAcknowledgment() && task.acknowledgeBy() != null
                ? Duration.between(now, task.acknowledgeBy()).toSeconds() : null;
        return new DepartmentQueueItem(task.taskId(), task.department(), task.action(), task.priority(), task.status(),
                task.escalationLevel(), task.acknowledgeBy(), secondsLeft, task.requestedAt(), incident.id(),
                incident.number(), incident.type(), incident.severity(), incident.location(), incident.drill());
    }
}
