package city.beacon.web.cap;

import city.beacon.web.gateway.MachineClientChains;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

import java.util.LinkedHashMap;

/** {@code POST /api/cap/alerts} is for trusted agencies only, each with its own API key. */
@Configuration(proxyBeanMethods = false)
public class CapSecurityConfiguration {
    static final String AUTHORITY = "ROLE_CAP_SENDER";

    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE + 12)
    SecurityFilterChain capSenderSecurity(HttpSecurity http, CapProperties properties, ObjectMapper objectMapper)
            throws Exception {
        var keys = new LinkedHashMap<String, String>();
        properties.trustedSenders().forEach((name, sender) -> keys.put(name, sender == null ? null : sender.apiKey()));
        return MachineClientChains.apiKeyChain(http, CapController.ALERTS, keys, AUTHORITY, objectMapper,
                "alerting agency");
    }
}
