package city.beacon.api.board;

import city.beacon.api.task.TaskStatus;

import java.time.Instant;

/** A task as the board needs it: enough to count by state and to tell which are overdue. */
public record BoardTask(String taskId, String department, TaskStatus status, int escalationLevel,
                        Instant acknowledgeBy) {
}
