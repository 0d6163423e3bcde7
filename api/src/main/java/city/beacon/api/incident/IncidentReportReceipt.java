package city.beacon.api.incident;

/** What the reporter gets back: the new incident's id and the number operators will use. */
public record IncidentReportReceipt(IncidentId incidentId, IncidentNumber number) {
}
