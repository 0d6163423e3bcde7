package city.beacon.infra.cap;

import java.time.Duration;

/**
 * How much work one CAP document may cost. A real alert is a few levels deep (alert/info/area/geocode/value) with a
 * few hundred elements; the limits leave room for signatures and long NWS zone lists, and refuse the rest before
 * the schema validator sees it (docs/cap.md, "Bounded work").
 */
public record XmlLimits(int maxDepth, int maxElements, int maxAttributes, int maxTextLength, Duration timeBudget) {
    public static final XmlLimits CAP = new XmlLimits(16, 20_000, 32, 100_000, Duration.ofSeconds(2));
}
