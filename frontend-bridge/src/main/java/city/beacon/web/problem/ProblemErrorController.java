package city.beacon.web.problem;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.servlet.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;

/**
 * The servlet container's error page ({@code /error}): whatever failed outside a controller — a filter, the
 * container refusing a request, an unmapped path — is answered as problem details, like every other error.
 * Replaces Spring Boot's default error controller, which answers with a JSON body of its own shape.
 */
@RestController
public class ProblemErrorController implements ErrorController {
    private static final Logger log = LoggerFactory.getLogger(ProblemErrorController.class);

    @RequestMapping("/error")
    ResponseEntity<ProblemDetail> error(HttpServletRequest request) {
        HttpStatus status = status(request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE));
        Object failure = request.getAttribute(RequestDispatcher.ERROR_EXCEPTION);
        String path = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI) instanceof String uri ? uri : null;
        ProblemDetail problem;
        if (status.is5xxServerError()) {
            if (failure instanceof Throwable t) {
                log.error("unexpected failure on {}", path, t);
            } else {
                log.error("{} on {}", status.value(), path);
            }
            problem = Problems.of(status, "internal", "Internal error",
                    "Beacon failed unexpectedly; the failure has been logged");
        } else {
            problem = Problems.of(status, kind(status), status.getReasonPhrase(), detail(status));
        }
        if (path != null) {
            try {
                problem.setInstance(URI.create(path));
            } catch (IllegalArgumentException notAUri) {
                // the refused path itself may be malformed; the problem stands without it
            }
        }
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    private static HttpStatus status(Object code) {
        if (code instanceof Integer value) {
            HttpStatus status = HttpStatus.resolve(value);
            if (status != null) {
                return status;
            }
        }
        return HttpStatus.INTERNAL_SERVER_ERROR;
    }

    private static String kind(HttpStatus status) {
        return switch (status) {
            case BAD_REQUEST -> "invalid-request";
            case NOT_FOUND -> "not-found";
            case METHOD_NOT_ALLOWED -> "method-not-allowed";
            case UNAUTHORIZED -> "unauthenticated";
            case FORBIDDEN -> "forbidden";
            default -> "http-" + status.value();
        };
    }

    private static String detail(HttpStatus status) {
        return switch (status) {
            case BAD_REQUEST -> "The request could not be understood (malformed path, header or encoding)";
            case NOT_FOUND -> "No such resource";
            default -> status.getReasonPhrase();
        };
    }
}
