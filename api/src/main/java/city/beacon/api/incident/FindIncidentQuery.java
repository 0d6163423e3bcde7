package city.beacon.api.incident;

public record FindIncidentQuery(IncidentId incidentId) {
}
