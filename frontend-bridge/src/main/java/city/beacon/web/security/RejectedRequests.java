package city.beacon.web.security;

import city.beacon.web.problem.Problems;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.security.web.firewall.RequestRejectedHandler;

import java.io.IOException;
import java.util.Set;

/**
 * Spring Security's firewall refuses paths such as an encoded {@code ..} or {@code //} before any controller sees
 * them; the refusal is a 400 problem, logged as one line. A method the firewall does not let through at all (TRACE,
 * CONNECT, made-up verbs) is a 405, as for any other method an endpoint does not serve.
 */
class RejectedRequests implements RequestRejectedHandler {
    private static final Logger log = LoggerFactory.getLogger(RejectedRequests.class);
    /** The firewall's default allowed methods (StrictHttpFirewall). */
    private static final Set<String> FIREWALL_METHODS = Set.of("HEAD", "DELETE", "POST", "GET", "OPTIONS", "PATCH",
            "PUT");
    private final ObjectMapper objectMapper;

    RejectedRequests(ObjectMapper objectMapper) {
        this.objectMapper = objectMapper;
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, RequestRejectedException e)
            throws IOException {
        if (!FIREWALL_METHODS.contains(request.getMethod())) {
            log.info("405 refused method: {}", e.getMessage());
            response.setHeader("Allow", String.join(", ", FIREWALL_METHODS.stream().sorted().toList()));
            write(response, Problems.of(HttpStatus.METHOD_NOT_ALLOWED, "method-not-allowed", "Method not allowed",
                    "Beacon does not serve the method " + request.getMethod()));
            return;
        }
        log.info("400 refused request: {}", e.getMessage());
        write(response, Problems.of(HttpStatus.BAD_REQUEST, "rejected-request", "Request refused",
                "The request was refused: " + e.getMessage()));
    }

    private void write(HttpServletResponse response, org.springframework.http.ProblemDetail problem)
            throws IOException {
        response.setStatus(problem.getStatus());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        objectMapper.writeValue(response.getOutputStream(), problem);
    }
}
