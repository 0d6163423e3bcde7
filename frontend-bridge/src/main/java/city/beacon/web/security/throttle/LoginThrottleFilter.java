package city.beacon.web.security.throttle;

import city.beacon.web.problem.Problems;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Refuses a sign-in attempt (Basic credentials, or the console's login form) from a locked user name or client
 * address with 429 and {@code Retry-After}, before the password is looked at.
 */
public class LoginThrottleFilter extends OncePerRequestFilter {
    private final LoginThrottle throttle;
    private final ObjectMapper objectMapper;
    private final String loginPath;

    public LoginThrottleFilter(LoginThrottle throttle, ObjectMapper objectMapper, String loginPath) {
        this.throttle = throttle;
        this.objectMapper = objectMapper;
        this.loginPath = loginPath;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String username = attemptedUsername(request);
        if (username != null) {
            var wait = throttle.lockedFor(username, request.getRemoteAddr());
            if (!wait.isZero()) {
                long seconds = Math.max(1, wait.toSeconds() + (wait.toMillisPart() > 0 ? 1 : 0));
                var problem = Problems.of(HttpStatus.TOO_MANY_REQUESTS, "sign-in-locked", "Too many failed sign-ins",
                        "Too many failed sign-ins for this user or from this address; try again in " + seconds
                                + " seconds");
                problem.setInstance(URI.create(request.getRequestURI()));
                problem.setProperty("retryAfterSeconds", seconds);
                response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
                response.setHeader("Retry-After", Long.toString(seconds));
                response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
                objectMapper.writeValue(response.getOutputStream(), problem);
                return;
            }
        }
        chain.doFilter(request, response);
    }

    /** The user name this request tries to sign in as, or null when it carries no credentials. */
    private String attemptedUsername(HttpServletRequest request) {
        String header = request.getHeader("Authorization");
        if (header != null && header.regionMatches(true, 0, "Basic ", 0, 6)) {
            try {
                String decoded = new String(Base64.getDecoder().decode(header.substring(6).trim()),
                        StandardCharsets.UTF_8);
                int colon = decoded.indexOf(':');
                return colon < 0 ? decoded : decoded.substring(0, colon);
            } catch (IllegalArgumentException notBase64) {
                return null;   // Spring Security refuses it as malformed
            }
        }
        if ("POST".equals(request.getMethod())
                && loginPath.equals(request.getRequestURI().substring(request.getContextPath().length()))) {
            return request.getParameter("username");
        }
        return null;
    }
}
