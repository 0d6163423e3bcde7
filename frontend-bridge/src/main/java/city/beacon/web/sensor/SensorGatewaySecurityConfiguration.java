package city.beacon.web.sensor;

import city.beacon.web.gateway.MachineClientChains;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

/** {@code POST /api/sensors/readings} is for sensor gateways only, by API key; users read sensors with Basic. */
@Configuration(proxyBeanMethods = false)
public class SensorGatewaySecurityConfiguration {
    static final String AUTHORITY = "ROLE_SENSOR_GATEWAY";

    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE + 11)
    SecurityFilterChain sensorGatewaySecurity(HttpSecurity http, SensorGatewayKeys keys, ObjectMapper objectMapper)
            throws Exception {
        return MachineClientChains.apiKeyChain(http, ReadingsController.PATH, keys.apiKeys(), AUTHORITY,
                objectMapper, "sensor gateway");
    }
}
