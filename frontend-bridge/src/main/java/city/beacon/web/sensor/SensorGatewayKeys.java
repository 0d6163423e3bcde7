package city.beacon.web.sensor;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.util.Map;

/** {@code beacon.sensors.gateway.api-keys}: gateway name → the key it sends in {@code X-Api-Key}. */
@ConfigurationProperties("beacon.sensors.gateway")
public record SensorGatewayKeys(Map<String, String> apiKeys) {
    public SensorGatewayKeys {
        apiKeys = apiKeys == null ? Map.of() : Map.copyOf(apiKeys);
    }
}
