package city.beacon.command;

import city.beacon.api.common.RuleViolationException;

/**
 * Checks an aggregate makes of what a command carries. A refusal names the field, so the API can tell the client
 * exactly what to correct (HTTP 400).
 */
public final class Fields {
    private Fields() { }

    /** Present, not blank, at most {@code max} characters; returned without surrounding blanks. */
    public static String requireText(String value, String field, int max) {
        if (value == null || value.isBlank()) {
            throw new RuleViolationException(field, field + " is required");
        }
        if (value.length() > max) {
            throw new RuleViolationException(field, field + " must be at most " + max + " characters");
        }
        return value.strip();
    }

    /** Like {@link #requireText} when given; null when absent or blank. */
    public static String optionalText(String value, String field, int max) {
        return value == null || value.isBlank() ? null : requireText(value, field, max);
    }

    public static <T> T require(T value, String field) {
        if (value == null) {
            throw new RuleViolationException(field, field + " is required");
        }
        return value;
    }
}
