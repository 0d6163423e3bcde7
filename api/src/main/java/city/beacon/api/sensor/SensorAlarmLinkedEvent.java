package city.beacon.api.sensor;

import city.beacon.api.incident.IncidentId;
import city.beacon.api.incident.IncidentScoped;

import java.time.Instant;

/** The link between a sensor's alarm and the incident it opened or joined: what auditors follow from one to the other. */
public record SensorAlarmLinkedEvent(SensorId sensorId, IncidentId incidentId, Instant linkedAt)
        implements IncidentScoped {
}
