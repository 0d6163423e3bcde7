package city.beacon.web.gateway;

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

import java.io.IOException;
import java.net.URI;

/** 401 and 403 for machine clients, as problem details like every other Beacon error. */
public class GatewayProblems implements AuthenticationEntryPoint, AccessDeniedHandler {
    private final ObjectMapper objectMapper;
    private final String who;

    /** @param who e.g. "sensor gateway" — named in the detail */
    public GatewayProblems(ObjectMapper objectMapper, String who) {
        this.objectMapper = objectMapper;
        this.who = who;
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
            throws IOException {
        write(request, response, HttpStatus.UNAUTHORIZED, "unauthenticated", "Not authenticated",
                "Send the " + who + "'s API key in the " + ApiKeyFilter.HEADER + " header");
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException e)
            throws IOException {
        write(request, response, HttpStatus.FORBIDDEN, "forbidden", "Not permitted",
                "This key may not call this endpoint");
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
