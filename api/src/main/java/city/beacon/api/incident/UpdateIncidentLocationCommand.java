package city.beacon.api.incident;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record UpdateIncidentLocationCommand(@TargetAggregateIdentifier IncidentId incidentId, Location location) {
}
