package city.beacon.infra.metrics;

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
 * The actuator: health and its probes for anyone (load balancers and orchestrators ask without credentials; details
 * only for admins), {@code /actuator/prometheus} for admins (HTTP Basic) or a scraper's key in {@code X-Api-Key},
 * anything else for admins only.
 */
@Configuration(proxyBeanMethods = false)
public class ActuatorSecurityConfiguration {
    static final String SCRAPER = "ROLE_METRICS_SCRAPER";

    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE + 13)
    SecurityFilterChain actuatorSecurity(HttpSecurity http, ScrapeKeys keys, ObjectMapper objectMapper)
            throws Exception {
        var problems = new GatewayProblems(objectMapper, "metrics scraper (or an admin's Basic credentials)");
        http.securityMatcher("/actuator/**")
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers("/actuator/health", "/actuator/health/**").permitAll()
                        .requestMatchers("/actuator/prometheus").hasAnyAuthority("ROLE_ADMIN", SCRAPER)
                        .anyRequest().hasAuthority("ROLE_ADMIN"))
                .addFilterBefore(new ApiKeyFilter(keys.scrapeKeys(), SCRAPER), BasicAuthenticationFilter.class)
                .httpBasic(basic -> basic.authenticationEntryPoint(problems))
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .formLogin(AbstractHttpConfigurer::disable)
                .logout(AbstractHttpConfigurer::disable)
                .requestCache(AbstractHttpConfigurer::disable)
                .exceptionHandling(ex -> ex.authenticationEntryPoint(problems).accessDeniedHandler(problems));
        return http.build();
    }
}
