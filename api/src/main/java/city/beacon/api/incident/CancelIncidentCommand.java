package city.beacon.api.incident;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record CancelIncidentCommand(@TargetAggregateIdentifier IncidentId incidentId, String reason) {
}
