package city.beacon.web.problem;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;

import java.util.Map;

/**
 * Refuses a blank path variable (e.g. {@code /api/incidents/%20}) before any handler builds an id from it: the id
 * types refuse blank values with an exception that would otherwise reach the catch-all handler as a 500.
 */
public class PathVariableGuard implements HandlerInterceptor {
    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE) instanceof Map<?, ?> variables) {
            for (var entry : variables.entrySet()) {
                if (entry.getValue() instanceof String value && value.isBlank()) {
                    throw new BlankPathVariableException(String.valueOf(entry.getKey()));
                }
            }
        }
        return true;
    }
}
