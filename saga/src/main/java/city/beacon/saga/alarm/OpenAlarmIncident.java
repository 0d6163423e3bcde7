package city.beacon.saga.alarm;

import city.beacon.api.incident.GeoPoint;
import city.beacon.api.incident.IncidentId;

import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * An incident opened by a sensor alarm and still open: where it is, which sensors' alarms belong to it, when the
 * last one joined, and which alarms were handled already (so a redelivered alarm event is not attached twice).
 */
public record OpenAlarmIncident(IncidentId incidentId, GeoPoint point, Set<String> sensorIds, Set<String> alarmKeys,
                                Instant lastAlarmAt) {
    public OpenAlarmIncident {
        sensorIds = Set.copyOf(sensorIds);
        alarmKeys = Set.copyOf(alarmKeys);
    }

    OpenAlarmIncident joinedBy(String sensorId, String alarmKey, Instant at) {
        var sensors = new LinkedHashSet<>(sensorIds);
        sensors.add(sensorId);
        var keys = new LinkedHashSet<>(alarmKeys);
        keys.add(alarmKey);
        return new OpenAlarmIncident(incidentId, point, sensors, keys, at.isAfter(lastAlarmAt) ? at : lastAlarmAt);
    }
}
