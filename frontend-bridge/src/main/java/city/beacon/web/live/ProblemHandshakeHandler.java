package city.beacon.web.live;

import city.beacon.web.problem.Problems;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.web.socket.WebSocketHttpHeaders;
import org.springframework.web.socket.server.support.DefaultHandshakeHandler;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;

/** A refused {@code /ws} handshake answers problem details, like every other error Beacon returns. */
final class ProblemHandshakeHandler extends DefaultHandshakeHandler {
    private final ObjectMapper objectMapper;

    ProblemHandshakeHandler(ObjectMapper objectMapper) {
        this.objectMapper = objectMapper;
    }

    @Override
    protected void handleInvalidUpgradeHeader(ServerHttpRequest request, ServerHttpResponse response)
            throws IOException {
        write(request, response, Problems.of(HttpStatus.BAD_REQUEST, "websocket-handshake", "Not a WebSocket handshake",
                "/ws only upgrades to WebSocket: send Upgrade: websocket"));
    }

    @Override
    protected void handleInvalidConnectHeader(ServerHttpRequest request, ServerHttpResponse response)
            throws IOException {
        write(request, response, Problems.of(HttpStatus.BAD_REQUEST, "websocket-handshake", "Not a WebSocket handshake",
                "/ws only upgrades to WebSocket: send Connection: Upgrade"));
    }

    @Override
    protected void handleWebSocketVersionNotSupported(ServerHttpRequest request, ServerHttpResponse response) {
        String supported = String.join(", ", getSupportedVersions());
        response.getHeaders().set(WebSocketHttpHeaders.SEC_WEBSOCKET_VERSION, supported);
        try {
            write(request, response, Problems.of(HttpStatus.UPGRADE_REQUIRED, "websocket-version",
                    "WebSocket version not supported", "Beacon speaks WebSocket version " + supported));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void write(ServerHttpRequest request, ServerHttpResponse response, ProblemDetail problem) throws IOException {
        problem.setInstance(URI.create(request.getURI().getRawPath()));
        response.setStatusCode(HttpStatus.valueOf(problem.getStatus()));
        response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        response.getBody().write(objectMapper.writeValueAsBytes(problem));
    }
}
