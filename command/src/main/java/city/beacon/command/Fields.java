package city.beacon.command;

import city.beacon.api.common.RuleViolationException;

/**
 * Checks an aggregate makes of what a command carries. A refusal names the field, so the API can tell the client
 * exactly what to correct (HTTP 400).
 */
public final class Fields {
    private Fields() { }

    /**
     * Present, not blank, at most {@code max} characters, only characters XML can carry; returned without
     * surrounding blanks.
     */
    public static String requireText(String value, String field, int max) {
        if (value == null || value.isBlank()) {
            throw new RuleViolationException(field, field + " is required");
        }
        if (value.length() > max) {
            throw new RuleViolationException(field, field + " must be at most " + max + " characters");
        }
        return requireXmlCharacters(value, field).strip();
    }

    /**
     * Text Beacon stores ends up in CAP alerts and exports, which must be well-formed XML: control characters other
     * than tab and line breaks (e.g. NUL), lone surrogates and U+FFFE/U+FFFF are refused where they come in.
     */
    public static String requireXmlCharacters(String value, String field) {
        if (value == null) {
            return null;
        }
        for (int i = 0; i < value.length(); ) {
            int c = value.codePointAt(i);
            boolean allowed = c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF)
                    || (c >= 0xE000 && c <= 0xFFFD) || (c >= 0x10000 && c <= 0x10FFFF);
            if (!allowed) {
                throw new RuleViolationException(field, field + " contains a character that is not allowed (U+"
                        + String.format("%04X", c) + " at position " + i + ")");
            }
            i += Character.charCount(c);
        }
        return value;
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
