package city.beacon.command.unit;

import city.beacon.api.common.RuleViolationException;

/** Limits on what a unit carries: a kind is a code, a name fits a console row, a note is a short radio message. */
final class UnitRules {
    static final int KIND_MAX = 40;
    static final int NAME_MAX = 120;
    static final int NOTE_MAX = 2000;

    private UnitRules() { }

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
