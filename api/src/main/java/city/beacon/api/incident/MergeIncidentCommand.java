package city.beacon.api.incident;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Marks this incident a duplicate of another; its history stays, the other one carries on. */
public record MergeIncidentCommand(@TargetAggregateIdentifier IncidentId incidentId, IncidentId into) {
}
