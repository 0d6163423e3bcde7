package city.beacon.api.incident;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record AddIncidentNoteCommand(@TargetAggregateIdentifier IncidentId incidentId, String text) {
}
