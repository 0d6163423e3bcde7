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

/**
 * Spring Security's firewall refuses paths such as an encoded {@code ..} or {@code //} before any controller sees
 * them; the refusal is a 400 problem, logged as one line.
 */
class RejectedRequests implements RequestRejectedHandler {
    private static final Logger log = LoggerFactory.getLogger(RejectedRequests.class);
    private final ObjectMapper objectMapper;

    RejectedRequests(ObjectMapper objectMapper) {
        this.objectMapper = objectMapper;
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, RequestRejectedException e)
            throws IOException {
        log.info("400 refused request: {}", e.getMessage());
        var problem = Problems.of(HttpStatus.BAD_REQUEST, "rejected-request", "Request refused",
                "The request was refused: " + e.getMessage());
        response.setStatus(HttpStatus.BAD_REQUEST.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        objectMapper.writeValue(response.getOutputStream(), problem);
    }
}
