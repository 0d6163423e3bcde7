package city.beacon.web.department;

import city.beacon.web.gateway.ApiKeyFilter;
import city.beacon.web.gateway.MachineClientChains;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

/**
 * {@code /api/departments/{code}/tasks/**} is for departments' own systems only: API key, no session, no Basic, no CSRF
 * (no cookie to forge). Ordered before the users' Basic chain, which handles everything else — including any
 * other {@code /api/departments} resource the console may read.
 */
@Configuration(proxyBeanMethods = false)
public class DepartmentSystemSecurityConfiguration {
    static final String ROLE = "ROLE_DEPARTMENT_SYSTEM";

    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE + 10)
    SecurityFilterChain departmentSystemSecurity(HttpSecurity http, DepartmentApiKeys keys, ObjectMapper objectMapper)
            throws Exception {
        return MachineClientChains.apiKeyChain(http, "/api/departments/*/tasks/**",
                new ApiKeyFilter(keys.keysByName(), ROLE, DepartmentSystem::new), ROLE, objectMapper, "department");
    }
}
