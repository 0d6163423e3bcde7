package city.beacon.api.incident;

import java.time.Instant;

public record IncidentConfirmedEvent(IncidentId incidentId, Instant confirmedAt) implements IncidentScoped {
}
