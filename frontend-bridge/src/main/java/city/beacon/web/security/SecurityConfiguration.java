package city.beacon.web.security;

import city.beacon.web.security.throttle.LoginThrottle;
import city.beacon.web.security.throttle.LoginThrottleFilter;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.authentication.configuration.AuthenticationConfiguration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.csrf.CsrfFilter;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.header.HeaderWriterFilter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.AnyRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import jakarta.servlet.http.HttpServletRequest;

/**
 * HTTP Basic for API clients, form login for the web console; only operators and admins change incidents,
 * auditors only read (DESIGN §8).
 * <p>
 * CSRF: a browser signed in to the console holds a session cookie that it sends with any request, including one a
 * hostile page makes it send (a cross-site form POST to {@code /api/incidents/…/cancel} needs no body). So every
 * state-changing request authenticated by the session must carry the CSRF token, which the console reads from a
 * meta tag of its page ({@link city.beacon.web.console.ConsolePages}) and sends as a header. Only requests that
 * authenticated with their own valid Basic credentials ({@link CredentialsFirst}; API-key clients have chains of
 * their own without CSRF) and carry no foreign {@code Origin} skip the check: curl, scripts and wall
 * displays send credentials on every request (nothing ambient to forge), and a hostile page can neither add that
 * header to a cross-site request without a CORS preflight (which Beacon never grants) nor hide its own Origin.
 * Browsers that cached Basic credentials from a 401 prompt send them automatically, but always with an Origin on
 * POST, so they are held to the token too.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSecurity
public class SecurityConfiguration {
    static final String LOGIN_PAGE = "/login";
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data: blob:; font-src 'self'; connect-src 'self'; object-src 'none'; "
            + "base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    @Bean
    SecurityFilterChain apiSecurity(HttpSecurity http, ObjectMapper objectMapper,
                                    AuthenticationConfiguration authentication, LoginThrottle throttle)
            throws Exception {
        var problems = new ProblemSecurityResponses(objectMapper);
        http.addFilterAfter(new LoginThrottleFilter(throttle, objectMapper, LOGIN_PAGE), HeaderWriterFilter.class)
                .addFilterBefore(new CredentialsFirst(authentication.getAuthenticationManager(), problems),
                        CsrfFilter.class);
        var paths = PathPatternRequestMatcher.withDefaults();
        RequestMatcher machineEndpoints = new OrRequestMatcher(paths.matcher("/api/**"), paths.matcher("/ws/**"),
                paths.matcher("/v3/api-docs/**"), paths.matcher("/actuator/**"));
        http.authorizeHttpRequests(auth -> auth
                        // The API description is for signed-in users: it maps every endpoint an attacker could try.
                        .requestMatchers("/actuator/health", "/error").permitAll()
                        // The console's assets hold no data; its pages and every API call need a signed-in user.
                        .requestMatchers(HttpMethod.GET, LOGIN_PAGE, "/console/**", "/webjars/**", "/favicon.ico")
                        .permitAll()
                        // History, time travel and verification: auditors and administrators only (docs/audit.md).
                        .requestMatchers("/api/audit", "/api/audit/**").hasAnyRole("AUDITOR", "ADMIN")
                        .requestMatchers(HttpMethod.POST, "/api/incidents", "/api/incidents/**").hasAnyRole("OPERATOR", "ADMIN")
                        .requestMatchers(HttpMethod.POST, "/api/tasks/**").hasAnyRole("LIAISON", "OPERATOR", "ADMIN")
                        .requestMatchers(HttpMethod.POST, "/api/units/**").hasAnyRole("LIAISON", "OPERATOR", "ADMIN")
                        .requestMatchers(HttpMethod.GET, "/api/**").authenticated()
                        .anyRequest().authenticated())
                .httpBasic(basic -> basic.authenticationEntryPoint(problems))
                .formLogin(form -> form.loginPage(LOGIN_PAGE).defaultSuccessUrl("/", true).permitAll())
                .logout(logout -> logout.logoutSuccessUrl(LOGIN_PAGE + "?logout").permitAll())
                // API and WebSocket clients get a 401 problem; a browser opening a page is sent to the login page.
                .exceptionHandling(ex -> ex.accessDeniedHandler(problems)
                        .defaultAuthenticationEntryPointFor(problems, machineEndpoints)
                        .defaultAuthenticationEntryPointFor(new LoginUrlAuthenticationEntryPoint(LOGIN_PAGE),
                                AnyRequestMatcher.INSTANCE))
                .csrf(csrf -> csrf.ignoringRequestMatchers(SecurityConfiguration::carriesOwnCredentials))
                // The console loads only its own scripts and styles (no inline code), so the policy can forbid
                // everything else; X-Content-Type-Options: nosniff is on by default.
                .headers(headers -> headers
                        .contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.SAME_ORIGIN)));
        return http.build();
    }

    /** See the class comment: valid Basic credentials on the request itself, and not sent from another site. */
    static boolean carriesOwnCredentials(HttpServletRequest request) {
        if (!CredentialsFirst.authenticatedByCredentials(request)) {
            return false;
        }
        String origin = request.getHeader("Origin");
        if (origin == null) {
            return true;
        }
        String self = request.getScheme() + "://" + request.getServerName()
                + (request.getServerPort() == 80 || request.getServerPort() == 443 ? "" : ":" + request.getServerPort());
        return origin.equalsIgnoreCase(self);
    }

    /** Paths the firewall refuses (encoded {@code ..}, {@code //}, …) are answered as a 400 problem. */
    @Bean
    RequestRejectedHandler requestRejectedHandler(ObjectMapper objectMapper) {
        return new RejectedRequests(objectMapper);
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    BeaconUserDetailsService userDetailsService(SecurityProperties properties) {
        return new BeaconUserDetailsService(properties);
    }
}
