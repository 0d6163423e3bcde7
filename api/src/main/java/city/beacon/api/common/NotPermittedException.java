package city.beacon.api.common;

/** The acting user may not do this (e.g. a liaison of another department); HTTP 403. */
public class NotPermittedException extends RuntimeException {
    public NotPermittedException(String message) {
        super(message);
    }
}
