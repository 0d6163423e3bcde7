package city.beacon.api.task;

/** One task by id; answers an Optional of {@link TaskView}. */
public record FindTaskQuery(TaskId taskId) {
}
