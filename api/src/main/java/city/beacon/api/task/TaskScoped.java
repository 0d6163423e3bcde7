package city.beacon.api.task;

import city.beacon.api.common.Department;

/** An event about one task of one department. */
public interface TaskScoped {
    TaskId taskId();

    Department department();
}
