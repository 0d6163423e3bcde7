package city.beacon.api.incident;

import java.time.Instant;

/** Every department completed its task; the status stays RESPONDING until an operator contains the incident. */
public record IncidentReadyToContainEvent(IncidentId incidentId, Instant declaredAt) implements IncidentScoped {
}
