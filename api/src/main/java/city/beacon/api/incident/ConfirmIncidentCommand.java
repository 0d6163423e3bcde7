package city.beacon.api.incident;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record ConfirmIncidentCommand(@TargetAggregateIdentifier IncidentId incidentId) {
}
