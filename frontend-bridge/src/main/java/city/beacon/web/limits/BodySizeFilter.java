package city.beacon.web.limits;

import city.beacon.web.problem.Problems;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.net.URI;

/**
 * Bounds the work one request can cause before anything reads its body: a declared length over the endpoint's limit
 * is answered 413 at once (a client that sent {@code Expect: 100-continue} never sends the body), and a body without
 * a declared length is cut off where it passes the limit. Runs before authentication, so an anonymous client cannot
 * make Beacon read a large body either.
 */
public class BodySizeFilter extends OncePerRequestFilter {
    private final BodyLimits limits;
    private final ObjectMapper objectMapper;

    public BodySizeFilter(BodyLimits limits, ObjectMapper objectMapper) {
        this.limits = limits;
        this.objectMapper = objectMapper;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long limit = limits.forPath(request.getRequestURI().substring(request.getContextPath().length()));
        if (request.getContentLengthLong() > limit) {
            refuse(request, response, limit);
            return;
        }
        chain.doFilter(new HttpServletRequestWrapper(request) {
            private ServletInputStream limited;

            @Override
            public ServletInputStream getInputStream() throws IOException {
                if (limited == null) {
                    limited = new LimitedInputStream(super.getInputStream(), limit);
                }
                return limited;
            }
        }, response);
    }

    private void refuse(HttpServletRequest request, HttpServletResponse response, long limit) throws IOException {
        ProblemDetail problem = tooLarge(limit);
        problem.setInstance(URI.create(request.getRequestURI()));
        // The unread body stays on the connection: close it rather than read megabytes to reuse it.
        response.setHeader("Connection", "close");
        response.setStatus(HttpStatus.PAYLOAD_TOO_LARGE.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        objectMapper.writeValue(response.getOutputStream(), problem);
        response.flushBuffer();   // answer now, not after Tomcat has dealt with the unread body
    }

    public static ProblemDetail tooLarge(long limit) {
        var problem = Problems.of(HttpStatus.PAYLOAD_TOO_LARGE, "body-too-large", "Request body too large",
                "This endpoint reads at most " + limit + " bytes");
        problem.setProperty("limit", limit);
        return problem;
    }
}
