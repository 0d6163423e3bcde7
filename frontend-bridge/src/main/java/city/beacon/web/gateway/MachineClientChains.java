package city.beacon.web.gateway;

import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;

import com.fasterxml.jackson.databind.ObjectMapper;

import java.util.Map;

/**
 * A security chain for an endpoint only machines call with an API key: no session, no Basic, no CSRF (no cookie to
 * forge), 401/403 as problem details.
 */
public final class MachineClientChains {
    private MachineClientChains() { }

    public static SecurityFilterChain apiKeyChain(HttpSecurity http, String pathPattern, Map<String, String> keys,
                                                  String authority, ObjectMapper objectMapper, String who)
            throws Exception {
        return apiKeyChain(http, pathPattern, new ApiKeyFilter(keys, authority), authority, objectMapper, who);
    }

    /** The same, with the filter that names the authenticated client (e.g. a department system as its principal). */
    public static SecurityFilterChain apiKeyChain(HttpSecurity http, String pathPattern, ApiKeyFilter filter,
                                                  String authority, ObjectMapper objectMapper, String who)
            throws Exception {
        var problems = new GatewayProblems(objectMapper, who);
        http.securityMatcher(pathPattern)
                .authorizeHttpRequests(auth -> auth.anyRequest().hasAuthority(authority))
                .addFilterAt(filter, BasicAuthenticationFilter.class)
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
