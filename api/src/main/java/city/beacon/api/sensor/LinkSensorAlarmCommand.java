package city.beacon.api.sensor;

import city.beacon.api.incident.IncidentId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Alarm correlation decided which incident a sensor's alarm belongs to. */
public record LinkSensorAlarmCommand(@TargetAggregateIdentifier SensorId sensorId, IncidentId incidentId) {
}
