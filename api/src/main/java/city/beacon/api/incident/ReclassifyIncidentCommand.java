package city.beacon.api.incident;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record ReclassifyIncidentCommand(@TargetAggregateIdentifier IncidentId incidentId, IncidentType type,
                                        Severity severity, Urgency urgency, Certainty certainty, String reason) {
}
