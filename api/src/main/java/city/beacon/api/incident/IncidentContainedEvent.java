package city.beacon.api.incident;

import java.time.Instant;

public record IncidentContainedEvent(IncidentId incidentId, Instant containedAt) implements IncidentScoped {
}
