package city.beacon.infra.department;

/** The department's system answered, but with a status that may pass: 408, 429 or 5xx. Fails the try. */
class RetryableReplyException extends RuntimeException {
    private final int status;

    RetryableReplyException(int status, String body) {
        super("HTTP " + status + FailureReasons.excerpt(body));
        this.status = status;
    }

    int status() {
        return status;
    }
}
