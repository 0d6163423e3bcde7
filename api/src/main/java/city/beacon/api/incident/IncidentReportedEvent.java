package city.beacon.api.incident;

import java.time.Instant;

public record IncidentReportedEvent(IncidentId incidentId, IncidentNumber number, IncidentType type,
                                    Severity severity, Urgency urgency, Certainty certainty, Location location,
                                    String summary, IncidentSource source, boolean drill, Instant reportedAt) implements IncidentScoped {
}
