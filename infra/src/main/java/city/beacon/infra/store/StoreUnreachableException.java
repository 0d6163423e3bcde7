package city.beacon.infra.store;

/** Refused before touching the store: it is known to be unreachable, or it failed too often just now. */
public class StoreUnreachableException extends RuntimeException {
    public StoreUnreachableException(String reason) {
        super(reason, null, false, false);   // expected while the store is down: no stack trace to fill
    }
}
