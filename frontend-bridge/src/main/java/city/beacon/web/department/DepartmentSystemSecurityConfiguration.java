package city.beacon.web.department;

import city.beacon.web.gateway.ApiKeyFilter;
import city.beacon.web.gateway.GatewayProblems;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;

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
        var problems = new GatewayProblems(objectMapper, "department");
        http.securityMatcher("/api/departments/*/tasks/**")
                .authorizeHttpRequests(auth -> auth.anyRequest().hasAuthority(ROLE))
                .addFilterAt(new ApiKeyFilter(keys.keysByName(), ROLE, DepartmentSystem::new),
                        BasicAuthenticationFilter.class)
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(AbstractHttpConfigurer::disable)
                .httpBasic(AbstractHttpConfigurer::disable)
                .formLogin(AbstractHttpConfigurer::disable)
                .logout(AbstractHttpConfigurer::disable)
                .requestCache(AbstractHttpConfigurer::disable)
                .anonymous(AbstractHttpConfigurer::disable)
                .exceptionHandling(ex -> ex.authenticationEntryPoint(problems).accessDeniedHandler(problems));
        return http.build();
    }
}
