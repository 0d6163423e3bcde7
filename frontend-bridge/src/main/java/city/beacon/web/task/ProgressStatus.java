package city.beacon.web.task;

import city.beacon.api.task.TaskStatus;

/** The only states a department reports as progress; any other value is refused when the JSON is read. */
public enum ProgressStatus {
    EN_ROUTE(TaskStatus.EN_ROUTE),
    ON_SCENE(TaskStatus.ON_SCENE);

    private final TaskStatus status;

    ProgressStatus(TaskStatus status) {
        this.status = status;
    }

    TaskStatus toTaskStatus() {
        return status;
    }
}
