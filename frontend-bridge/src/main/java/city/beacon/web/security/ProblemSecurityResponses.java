package city.beacon.web.security;

import city.beacon.web.problem.Problems;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.csrf.CsrfException;

import java.io.IOException;
import java.net.URI;

/** 401 and 403 as RFC 9457 problem details, like every other error Beacon gives. */
class ProblemSecurityResponses implements AuthenticationEntryPoint, AccessDeniedHandler {
    private final ObjectMapper objectMapper;

    ProblemSecurityResponses(ObjectMapper objectMapper) {
        this.objectMapper = objectMapper;
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
            throws IOException {
        response.setHeader("WWW-Authenticate", "Basic realm=\"Beacon\"");
        write(request, response, HttpStatus.UNAUTHORIZED, "unauthenticated", "Not signed in", "Sign in to use Beacon");
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException e)
            throws IOException {
        if (e instanceof CsrfException) {
            // The CSRF filter runs before authorization: the cause is the token, whatever the user's role.
            write(request, response, HttpStatus.FORBIDDEN, "csrf", "Missing or invalid CSRF token",
                    "A request signed in with the console's session must carry the page's CSRF token in the "
                            + "X-CSRF-TOKEN header (or send its own Basic credentials and no foreign Origin)");
            return;
        }
        write(request, response, HttpStatus.FORBIDDEN, "forbidden", "Not permitted", "Your role may not do this");
    }

    private void write(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String kind,
                       String title, String detail) throws IOException {
        var problem = Problems.of(status, kind, title, detail);
        problem.setInstance(URI.create(request.getRequestURI()));
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        objectMapper.writeValue(response.getOutputStream(), problem);
    }
}
