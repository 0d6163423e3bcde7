package city.beacon.api.incident;

/** The public warnings issued for an incident, oldest first; answers a list of {@link PublicWarningView}. */
public record FindPublicWarningsQuery(IncidentId incidentId) {
}
