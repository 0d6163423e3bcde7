package city.beacon.web.cap;

/** A CAP alert body over {@code beacon.cap.max-alert-bytes}: refused before it is read in full (413). */
class AlertTooLargeException extends RuntimeException {
    AlertTooLargeException(long limit) {
        super("A CAP alert may be at most " + limit + " bytes");
    }
}
