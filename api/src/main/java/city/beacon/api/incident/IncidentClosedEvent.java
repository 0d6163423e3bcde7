package city.beacon.api.incident;

import java.time.Instant;

public record IncidentClosedEvent(IncidentId incidentId, Instant closedAt) implements IncidentScoped {
}
