package city.beacon.command.task;

/** Limits on the text a task carries: an action fits on a liaison's phone, an outcome is a short report. */
final class TaskRules {
    static final int ACTION_MAX = 500;
    static final int REASON_MAX = 500;
    static final int NOTE_MAX = 2000;
    static final int OUTCOME_MAX = 2000;

    private TaskRules() { }
}
