package city.beacon.api.incident;

import java.time.Instant;

public record IncidentResolvedEvent(IncidentId incidentId, String resolution, Instant resolvedAt) implements IncidentScoped {
}
