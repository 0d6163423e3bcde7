package city.beacon.api.incident;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record ResolveIncidentCommand(@TargetAggregateIdentifier IncidentId incidentId, String resolution) {
}
