package city.beacon.web.limits;

import java.io.IOException;

/** A request body grew past its endpoint's limit while being read (a chunked body declares no length). */
public class BodyTooLargeException extends IOException {
    private final long limit;

    public BodyTooLargeException(long limit) {
        super("The request body is larger than " + limit + " bytes");
        this.limit = limit;
    }

    public long limit() {
        return limit;
    }
}
