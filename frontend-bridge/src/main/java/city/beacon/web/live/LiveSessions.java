package city.beacon.web.live;

import org.springframework.context.event.EventListener;
import org.springframework.messaging.simp.SimpMessageHeaderAccessor;
import org.springframework.security.web.session.HttpSessionDestroyedEvent;
import org.springframework.stereotype.Component;
import org.springframework.web.socket.messaging.SessionConnectedEvent;
import org.springframework.web.socket.messaging.SessionDisconnectEvent;
import org.springframework.web.socket.server.support.HttpSessionHandshakeInterceptor;

import java.security.Principal;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which user each WebSocket session belongs to, and whether the web session it came from is still valid. Consulted
 * for every outgoing message; a signed-out browser receives nothing more.
 */
@Component
public class LiveSessions {
    private final Map<String, Session> sessions = new ConcurrentHashMap<>();

    record Session(String username, String httpSessionId, boolean revoked) {
    }

    @EventListener
    void connected(SessionConnectedEvent event) {
        Principal user = event.getUser();
        var headers = SimpMessageHeaderAccessor.wrap(event.getMessage());
        String sessionId = headers.getSessionId();
        if (user == null || sessionId == null) {
            return;
        }
        sessions.put(sessionId, new Session(user.getName(), httpSessionIdOf(event), false));
    }

    @EventListener
    void disconnected(SessionDisconnectEvent event) {
        sessions.remove(event.getSessionId());
    }

    @EventListener
    void signedOut(HttpSessionDestroyedEvent event) {
        String httpSessionId = event.getId();
        sessions.replaceAll((id, s) -> httpSessionId.equals(s.httpSessionId()) ? new Session(s.username(), s.httpSessionId(), true) : s);
    }

    /** The user name behind a live session, or null when unknown or revoked. */
    public String usernameOf(String sessionId) {
        Session session = sessionId == null ? null : sessions.get(sessionId);
        return session == null || session.revoked() ? null : session.username();
    }

    private static String httpSessionIdOf(SessionConnectedEvent event) {
        // The CONNECTED frame wraps the client's CONNECT message, which carries the handshake's session attributes.
        var connect = (org.springframework.messaging.Message<?>) event.getMessage().getHeaders()
                .get(SimpMessageHeaderAccessor.CONNECT_MESSAGE_HEADER);
        if (connect == null) {
            return null;
        }
        Map<String, Object> attributes = SimpMessageHeaderAccessor.getSessionAttributes(connect.getHeaders());
        Object id = attributes == null ? null : attributes.get(HttpSessionHandshakeInterceptor.HTTP_SESSION_ID_ATTR_NAME);
        return id == null ? null : id.toString();
    }
}
