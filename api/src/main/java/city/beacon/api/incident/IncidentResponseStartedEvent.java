package city.beacon.api.incident;

import java.time.Instant;

/** The incident became RESPONDING: a department has taken on work. */
public record IncidentResponseStartedEvent(IncidentId incidentId, Instant startedAt) implements IncidentScoped {
}
