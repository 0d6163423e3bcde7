package city.beacon.api.board;

import city.beacon.api.incident.*;
import city.beacon.api.task.TaskStatus;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * One active incident on the command-center board. Overdue tasks (awaiting acknowledgment past their deadline) are
 * counted at the moment the row is read, since time passing is not an event.
 */
public record BoardRowView(String id, String number, IncidentType type, Severity severity, Urgency urgency,
                           Certainty certainty, IncidentStatus status, Location location, String summary,
                           boolean drill, boolean readyToContain, Instant reportedAt, Instant lastChangedAt,
                           Map<TaskStatus, Integer> taskCounts, int overdueTasks, int escalatedTasks,
                           List<BoardTask> tasks) {

    /** The board row of an incident, derived from its detail so the board and the panel never disagree. */
    public static BoardRowView of(IncidentView incident, Instant now) {
        Map<TaskStatus, Integer> counts = new EnumMap<>(TaskStatus.class);
        int overdue = 0;
        int escalated = 0;
        List<BoardTask> tasks = new ArrayList<>();
        for (IncidentTaskView task : incident.tasks()) {
            counts.merge(task.status(), 1, Integer::sum);
            if (task.status().awaitsAcknowledgment() && task.acknowledgeBy() != null && now.isAfter(task.acknowledgeBy())) {
                overdue++;
            }
            if (task.status() == TaskStatus.ESCALATED) {
                escalated++;
            }
            tasks.add(new BoardTask(task.taskId(), task.department(), task.status(), task.escalationLevel(),
                    task.acknowledgeBy()));
        }
        return new BoardRowView(incident.id(), incident.number(), incident.type(), incident.severity(),
                incident.urgency(), incident.certainty(), incident.status(), incident.location(), incident.summary(),
                incident.drill(), incident.readyToContain(), incident.reportedAt(), incident.lastChangedAt(), counts,
                overdue, escalated, List.copyOf(tasks));
    }
}
