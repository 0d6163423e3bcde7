package city.beacon.api.incident;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record CloseIncidentCommand(@TargetAggregateIdentifier IncidentId incidentId) {
}
