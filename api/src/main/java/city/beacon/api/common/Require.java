package city.beacon.api.common;

import java.util.Objects;

/** Guards used by value types; failures are programming errors or rejected input, never silent defaults. */
public final class Require {
    private Require() { }

    public static String text(String value, String what) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(what + " is required");
        }
        return value;
    }

    public static String text(String value, String what, int maxLength) {
        text(value, what);
        if (value.length() > maxLength) {
            throw new IllegalArgumentException(what + " is longer than " + maxLength + " characters");
        }
        return value;
    }

    public static <T> T present(T value, String what) {
        return Objects.requireNonNull(value, () -> what + " is required");
    }
}
