package city.beacon.web.problem;

/** The request named something that does not exist; HTTP 404. */
public class UnknownResourceException extends RuntimeException {
    public UnknownResourceException(String message) {
        super(message);
    }
}
