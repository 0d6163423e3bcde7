package city.beacon.api.incident;

import java.time.Instant;

public record IncidentMergedEvent(IncidentId incidentId, IncidentId into, Instant mergedAt) implements IncidentScoped {
}
