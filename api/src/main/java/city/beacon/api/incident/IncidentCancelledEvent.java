package city.beacon.api.incident;

import java.time.Instant;

/** A false alarm (误报) or otherwise withdrawn report; the reason is mandatory. */
public record IncidentCancelledEvent(IncidentId incidentId, String reason, Instant cancelledAt) implements IncidentScoped {
}
