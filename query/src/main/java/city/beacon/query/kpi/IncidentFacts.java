package city.beacon.query.kpi;

import city.beacon.api.incident.IncidentType;

/** An incident's latest type and whether it is a drill, as of the incident's event {@code version}. */
record IncidentFacts(IncidentType type, boolean drill, long version) {
}
