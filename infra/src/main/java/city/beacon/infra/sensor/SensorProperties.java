package city.beacon.infra.sensor;

import city.beacon.api.common.Department;
import city.beacon.api.incident.GeoPoint;
import city.beacon.api.incident.IncidentType;
import city.beacon.api.sensor.*;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;
import java.util.List;

/**
 * {@code beacon.sensors} (sensors.yml): how readings are taken in, how alarms are correlated, and the sensors
 * registered at start-up.
 *
 * @param historySize       recent readings kept per sensor (the console's sparkline)
 * @param futureSkew        a reading stamped later than now plus this is rejected (gateway clocks drift a little)
 * @param silenceCheck      how often sensors are checked for silence
 * @param registryRefresh   how long a node trusts its cached copy of a sensor's definition
 * @param correlation       alarm correlation: radius, window, affected radius of a new alarm incident
 * @param registry          sensors to register at start-up (the same definition again is a no-op)
 */
@ConfigurationProperties("beacon.sensors")
public record SensorProperties(Integer historySize, Duration futureSkew, Duration silenceCheck,
                               Duration registryRefresh, Correlation correlation, List<ConfiguredSensor> registry) {
    public SensorProperties {
        historySize = historySize == null ? 100 : historySize;
        futureSkew = futureSkew == null ? Duration.ofSeconds(30) : futureSkew;
        silenceCheck = silenceCheck == null ? Duration.ofMinutes(1) : silenceCheck;
        registryRefresh = registryRefresh == null ? Duration.ofSeconds(10) : registryRefresh;
        correlation = correlation == null ? new Correlation(null, null, null) : correlation;
        registry = registry == null ? List.of() : List.copyOf(registry);
    }

    public record Correlation(Double radiusMeters, Duration window, Double affectedRadiusMeters) {
        public Correlation {
            radiusMeters = radiusMeters == null ? 500.0 : radiusMeters;
            window = window == null ? Duration.ofMinutes(30) : window;
            affectedRadiusMeters = affectedRadiusMeters == null ? 200.0 : affectedRadiusMeters;
        }
    }

    public record Band(double min, double max) {
    }

    public record Thresholds(Double low, Double high, Double ratePerMinute) {
    }

    public record ConfiguredSensor(String id, SensorKind kind, String name, double lat, double lon, String address,
                                   String department, String unit, Band physical, Band normal, Thresholds alarm,
                                   IncidentType incidentType, String automaticAction, Duration silentAfter) {

        RegisterSensorCommand toCommand() {
            var thresholds = alarm == null ? null : new AlarmThresholds(alarm.low(), alarm.high(), alarm.ratePerMinute());
            return new RegisterSensorCommand(new SensorId(id), new SensorDefinition(kind, name, new GeoPoint(lat, lon),
                    address, Department.of(department), unit, range(physical), range(normal), thresholds, incidentType,
                    automaticAction == null || automaticAction.isBlank() ? null : automaticAction, silentAfter));
        }

        private static ValueRange range(Band band) {
            return band == null ? null : new ValueRange(band.min(), band.max());
        }
    }
}
