package city.beacon.web.task;

import city.beacon.api.task.Priority;
import city.beacon.api.task.TaskStatus;
import city.beacon.api.task.TaskView;

import java.time.Instant;

/** A task as the read side would answer it. */
public final class Tasks {
    private Tasks() { }

    public static TaskView of(String id, String department, TaskStatus status) {
        var t0 = Instant.parse("2026-11-28T08:00:00Z");
        return new TaskView(id, "inc-1", department, "stand by", Priority.HIGH, status, 0, null, t0.plusSeconds(120),
                null, t0, null, null, null, null, t0, null, null, null, null, null, 1);
    }
}
