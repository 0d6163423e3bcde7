package city.beacon.command.task;

import city.beacon.api.common.RuleViolationException;

/** Limits on the text a task carries: an action fits on a liaison's phone, an outcome is a short report. */
final class TaskRules {
    static final int ACTION_MAX = 500;
    static final int REASON_MAX = 500;
    static final int NOTE_MAX = 2000;
    static final int OUTCOME_MAX = 2000;

    private TaskRules() { }

    static String requireText(String value, String field, int max) {
        if (value == null || value.isBlank()) {
            throw new RuleViolationException(field, field + " is required");
        }
        if (value.length() > max) {
            throw new RuleViolationException(field, field + " must be at most " + max + " characters");
        }
        return value.strip();
    }

    static String optionalText(String value, String field, int max) {
        return value == null || value.isBlank() ? null : requireText(value, field, max);
    }

    static <T> T require(T value, String field) {
        if (value == null) {
            throw new RuleViolationException(field, field + " is required");
        }
        return value;
    }
}
