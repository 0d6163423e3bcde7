package city.beacon.web.live;

import city.beacon.web.problem.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.web.socket.WebSocketHandler;
import org.springframework.web.socket.server.HandshakeInterceptor;
import org.springframework.web.util.WebUtils;

import java.util.Map;

/**
 * Same-origin only for browsers (clients without an Origin header pass): the check Spring's own origin interceptor
 * makes, which runs after this one, but refusing with a 403 problem instead of an empty body.
 */
final class SameOriginHandshake implements HandshakeInterceptor {
    private final ProblemHandshakeHandler problems;

    SameOriginHandshake(ProblemHandshakeHandler problems) {
        this.problems = problems;
    }

    @Override
    public boolean beforeHandshake(ServerHttpRequest request, ServerHttpResponse response, WebSocketHandler handler,
                                   Map<String, Object> attributes) throws Exception {
        if (WebUtils.isSameOrigin(request)) {
            return true;
        }
        problems.write(request, response, Problems.of(HttpStatus.FORBIDDEN, "origin-refused", "Origin refused",
                "The live feed accepts connections from Beacon's own pages only"));
        return false;
    }

    @Override
    public void afterHandshake(ServerHttpRequest request, ServerHttpResponse response, WebSocketHandler handler,
                               Exception exception) {
    }
}
