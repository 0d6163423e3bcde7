package city.beacon.api.task;

/** What happens, in the order a plan line lists them, each time a task's acknowledgment deadline passes. */
public enum EscalationStep {
    /** Tell the department again. */
    RENOTIFY,
    /** Tell the department's duty supervisor. */
    DUTY_SUPERVISOR,
    /** Ask the plan line's backup department to take the task on. */
    BACKUP_DEPARTMENT,
    /** Raise the incident's severity one level. */
    RAISE_SEVERITY
}
