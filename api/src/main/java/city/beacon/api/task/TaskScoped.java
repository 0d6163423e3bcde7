package city.beacon.api.task;

/** An event about one task. */
public interface TaskScoped {
    TaskId taskId();
}
