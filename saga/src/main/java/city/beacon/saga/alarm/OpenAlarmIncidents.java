package city.beacon.saga.alarm;

import city.beacon.api.incident.IncidentId;

import java.util.List;

/**
 * The incidents that alarms may still join. Small by nature (only open alarm incidents), so it is read whole for
 * every alarm; the store keeps one document per incident, keyed by incident id.
 */
public interface OpenAlarmIncidents {
    List<OpenAlarmIncident> all();

    void save(OpenAlarmIncident incident);

    void remove(IncidentId incidentId);
}
