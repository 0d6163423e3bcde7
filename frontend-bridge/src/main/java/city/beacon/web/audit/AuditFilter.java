package city.beacon.web.audit;

import java.time.Instant;
import java.util.Set;

/** What an auditor keeps of a history: a time range (either end open), event types, an actor, a department. */
public record AuditFilter(Instant from, Instant to, Set<String> types, String actor, String department) {

    public static final AuditFilter EVERYTHING = new AuditFilter(null, null, null, null, null);
}
