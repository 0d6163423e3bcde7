package city.beacon.api.board;

import city.beacon.api.incident.*;
import city.beacon.api.task.TaskStatus;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One active incident on the command-center board. Overdue tasks (awaiting acknowledgment past their deadline) are
 * counted at the moment of the query, since time passing is not an event.
 */
public record BoardRowView(String id, String number, IncidentType type, Severity severity, Urgency urgency,
                           Certainty certainty, IncidentStatus status, Location location, String summary,
                           boolean drill, boolean readyToContain, Instant reportedAt, Instant lastChangedAt,
                           Map<TaskStatus, Integer> taskCounts, int overdueTasks, int escalatedTasks,
                           List<BoardTask> tasks, long version) {
}
