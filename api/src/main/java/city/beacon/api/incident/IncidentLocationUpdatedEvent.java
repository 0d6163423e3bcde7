package city.beacon.api.incident;

import java.time.Instant;

public record IncidentLocationUpdatedEvent(IncidentId incidentId, Location location, Instant updatedAt) implements IncidentScoped {
}
