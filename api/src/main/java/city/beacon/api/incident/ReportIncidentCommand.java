package city.beacon.api.incident;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record ReportIncidentCommand(@TargetAggregateIdentifier IncidentId incidentId, IncidentType type,
                                    Severity severity, Urgency urgency, Certainty certainty, Location location,
                                    String summary, IncidentSource source, boolean drill) {
}
