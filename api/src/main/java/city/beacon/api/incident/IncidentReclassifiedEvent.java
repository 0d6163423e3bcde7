package city.beacon.api.incident;

import java.time.Instant;

/** Carries the previous severity so a reader can tell an escalation from a downgrade without replaying. */
public record IncidentReclassifiedEvent(IncidentId incidentId, IncidentType type, Severity severity,
                                        Urgency urgency, Certainty certainty, Severity previousSeverity,
                                        String reason, Instant reclassifiedAt) implements IncidentScoped {
}
