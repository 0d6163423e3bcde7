package city.beacon.infra.authorization;

/** What a caller must get: the thing asked for, the thing with the liaison redaction applied, or a refusal. */
enum Outcome {
    ALLOW("allow"), REDACTED("allow, redacted"), DENY("deny");

    private final String text;

    Outcome(String text) {
        this.text = text;
    }

    String text() {
        return text;
    }

    static Outcome of(char letter) {
        return switch (letter) {
            case 'A' -> ALLOW;
            case 'R' -> REDACTED;
            case 'D' -> DENY;
            default -> throw new IllegalArgumentException("A, R or D, not " + letter);
        };
    }
}
