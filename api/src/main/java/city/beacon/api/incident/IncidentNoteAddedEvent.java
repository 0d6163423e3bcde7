package city.beacon.api.incident;

import java.time.Instant;

public record IncidentNoteAddedEvent(IncidentId incidentId, String text, Instant addedAt) implements IncidentScoped {
}
