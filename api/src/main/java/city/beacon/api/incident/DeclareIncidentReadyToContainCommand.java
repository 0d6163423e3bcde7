package city.beacon.api.incident;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Sent by the response saga once every department reported its task done; operators still decide to contain. */
public record DeclareIncidentReadyToContainCommand(@TargetAggregateIdentifier IncidentId incidentId) {
}
