package city.beacon.api.sensor;

import city.beacon.api.common.Department;
import city.beacon.api.incident.GeoPoint;
import city.beacon.api.incident.IncidentType;

import java.time.Instant;

/**
 * A sensor went into alarm. Carries what alarm correlation needs (where, what it means, whose it is), so that
 * no registry is consulted when the event is handled, however late.
 */
public record SensorAlarmRaisedEvent(SensorId sensorId, SensorKind kind, String name, GeoPoint point,
                                     String address, Department department, IncidentType incidentType,
                                     SensorReading reading, BreachKind breach, double threshold, double deviation,
                                     Instant raisedAt) {
}
