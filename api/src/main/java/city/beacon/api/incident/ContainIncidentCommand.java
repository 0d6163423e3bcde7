package city.beacon.api.incident;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record ContainIncidentCommand(@TargetAggregateIdentifier IncidentId incidentId) {
}
