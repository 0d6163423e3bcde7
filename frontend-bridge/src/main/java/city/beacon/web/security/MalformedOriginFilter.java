package city.beacon.web.security;

import city.beacon.web.problem.Problems;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.UriComponentsBuilder;

import java.io.IOException;
import java.net.URI;

/**
 * An {@code Origin} header that is not an origin (scheme://host[:port]) is refused with 403, as any foreign origin
 * is. Without this, Spring's CORS and WebSocket same-origin checks fail parsing it and answer 500.
 */
public class MalformedOriginFilter extends OncePerRequestFilter {
    private final ObjectMapper objectMapper;

    public MalformedOriginFilter(ObjectMapper objectMapper) {
        this.objectMapper = objectMapper;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String origin = request.getHeader(HttpHeaders.ORIGIN);
        if (origin != null && !wellFormed(origin)) {
            var problem = Problems.of(HttpStatus.FORBIDDEN, "origin-refused", "Origin refused",
                    "The Origin header is not a valid origin (scheme://host[:port])");
            problem.setInstance(URI.create(request.getRequestURI()));
            response.setStatus(HttpStatus.FORBIDDEN.value());
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            objectMapper.writeValue(response.getOutputStream(), problem);
            return;
        }
        chain.doFilter(request, response);
    }

    /** Parsed as Spring's CORS and same-origin checks will parse it; "null" (an opaque origin) is well formed. */
    static boolean wellFormed(String origin) {
        if ("null".equals(origin)) {
            return true;
        }
        try {
            var parsed = UriComponentsBuilder.fromOriginHeader(origin).build();
            var uri = new URI(origin);
            return parsed.getScheme() != null && parsed.getHost() != null && uri.getHost() != null
                    && (uri.getRawPath() == null || uri.getRawPath().isEmpty())
                    && uri.getRawQuery() == null && uri.getRawFragment() == null
                    && uri.getPort() <= 65_535;
        } catch (IllegalArgumentException | java.net.URISyntaxException e) {
            return false;
        }
    }
}
