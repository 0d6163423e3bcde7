package city.beacon.api.audit;

import java.util.List;

/** A page of events in position order; {@code next} is the position to continue after, null on the last page. */
public record AuditEventPage(List<AuditEvent> events, Long next) {
    public AuditEventPage {
        events = List.copyOf(events);
    }
}
