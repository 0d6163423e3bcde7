package city.beacon.api.incident;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * An operator issues (预警发布) the incident's public warning as it stands now. The incident decides whether it is
 * the first alert, an update, or — once the incident is cancelled or closed — the cancellation, and names it
 * {@code <identifierPrefix>.<incident number>.W<n>}.
 */
public record IssuePublicWarningCommand(@TargetAggregateIdentifier IncidentId incidentId, String identifierPrefix) {
}
