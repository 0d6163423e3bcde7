package city.beacon.web.live;

import org.springframework.web.socket.WebSocketHandler;
import org.springframework.web.socket.handler.WebSocketHandlerDecorator;

/**
 * Lets the servlet container hand over a large WebSocket message in pieces. Without it the container closes the
 * socket (1009) on any message over its buffer, and the client never learns why; with it, Spring's STOMP decoder
 * gathers the pieces up to the frame size limit and refuses a larger frame with an ERROR frame that says so.
 */
final class PartialFrames extends WebSocketHandlerDecorator {
    PartialFrames(WebSocketHandler delegate) {
        super(delegate);
    }

    @Override
    public boolean supportsPartialMessages() {
        return true;
    }
}
