package city.beacon.web.problem;

/** The store did not answer in time or refused to write; HTTP 503, and the client may retry. */
public class StoreUnavailableException extends RuntimeException {
    public StoreUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
