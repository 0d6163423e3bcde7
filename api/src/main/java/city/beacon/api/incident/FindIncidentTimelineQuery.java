package city.beacon.api.incident;

/**
 * One page of an incident's timeline, oldest line first.
 *
 * @param page the page's number from 0 (the oldest); null for the latest page
 */
public record FindIncidentTimelineQuery(IncidentId incidentId, Integer page) {
}
