package city.beacon.web.incident;

/** The answer to a report: the id to address the incident by, and the number operators say aloud. */
public record ReportedIncident(String id, String number) {
}
