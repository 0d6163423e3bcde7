package city.beacon.api.task;

import city.beacon.api.common.Department;

/**
 * A task queue, ordered by priority, then acknowledgment deadline; answers a list of {@link TaskView}.
 * @param department null for every department
 * @param status null for the working queue: every open task plus those ended in the last 24 hours;
 *        an ended status lists the department's most recently ended tasks in that state
 */
public record FindTasksQuery(Department department, TaskStatus status) {

    /** Whether a changed task belongs in this query's answer (for subscription updates). */
    public boolean matches(TaskView task) {
        return (department == null || department.code().equals(task.department()))
                && (status == null || status == task.status());
    }
}
