package city.beacon.command.incident;

import city.beacon.api.common.RuleViolationException;

/** Limits on free text an operator types; long enough for a real report, short enough to read on a wall. */
final class IncidentRules {
    static final int SUMMARY_MAX = 500;
    static final int NOTE_MAX = 2000;
    static final int REASON_MAX = 500;

    private IncidentRules() { }

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
        if (value == null || value.isBlank()) {
            return null;
        }
        return requireText(value, field, max);
    }

    static <T> T require(T value, String field) {
        if (value == null) {
            throw new RuleViolationException(field, field + " is required");
        }
        return value;
    }
}
