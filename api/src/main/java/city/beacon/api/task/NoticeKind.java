package city.beacon.api.task;

/** Why a department's system is being told about a task. */
public enum NoticeKind {
    NEW_TASK,
    REMINDER,
    SUPERVISOR_ALERT,
    TASK_CANCELLED
}
