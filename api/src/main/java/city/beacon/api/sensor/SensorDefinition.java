package city.beacon.api.sensor;

import city.beacon.api.common.Department;
import city.beacon.api.incident.GeoPoint;
import city.beacon.api.incident.IncidentType;

import java.time.Duration;

/**
 * Everything Beacon knows about a sensor: where it is, who owns it, what is normal, when it alarms and what an
 * alarm means. Checked by the Sensor aggregate (see {@code SensorRules}), never here: old events must always load.
 *
 * @param physical        values the instrument can produce at all; outside it a reading is a fault, not an alarm
 * @param normal          the band a healthy reading stays in; its middle is the nominal value deviations are
 *                        measured from, and an alarm clears once a reading is back inside it
 * @param incidentType    what a breach means (GAS_PRESSURE low → GAS_LEAK)
 * @param automaticAction what the owning department does at once on an alarm (e.g. "Close valve V-0117"); null: none
 * @param silentAfter     no reading for this long is reported as SensorWentSilent; null: never
 */
public record SensorDefinition(SensorKind kind, String name, GeoPoint point, String address, Department department,
                               String unit, ValueRange physical, ValueRange normal, AlarmThresholds alarm,
                               IncidentType incidentType, String automaticAction, Duration silentAfter) {
}
