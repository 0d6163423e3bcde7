package city.beacon.api.common;

import java.util.Map;

/**
 * How a command is to be delivered, as message metadata. A person's command fails fast while the store is away (they
 * get a 503 and decide); a process manager's command — a response plan's task, an escalation — was decided from an
 * event that is already stored and nobody is waiting to retry it, so it is retried until the store takes it.
 */
public final class Delivery {
    public static final String UNTIL_STORED = "deliverUntilStored";

    private Delivery() { }

    public static Map<String, Object> untilStored() {
        return Map.of(UNTIL_STORED, true);
    }

    public static boolean isUntilStored(Map<String, ?> metaData) {
        return Boolean.TRUE.equals(metaData.get(UNTIL_STORED));
    }
}
