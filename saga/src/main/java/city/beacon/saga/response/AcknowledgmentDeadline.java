package city.beacon.saga.response;

import city.beacon.api.task.TaskId;

import java.time.Instant;

/**
 * The payload of a task's acknowledgment deadline. @param level the escalation level that follows when it passes
 * (1 for the first miss); @param due when it passes: the deadline manager may fire a little early, the saga
 * never escalates before this
 */
public record AcknowledgmentDeadline(TaskId taskId, int level, Instant due) {
}
