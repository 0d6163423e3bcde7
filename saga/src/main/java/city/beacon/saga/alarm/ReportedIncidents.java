package city.beacon.saga.alarm;

import city.beacon.api.incident.IncidentId;

/** Whether an incident's report reached the event store: asked only for an alarm seen again. */
public interface ReportedIncidents {
    boolean stored(IncidentId incident);
}
