package city.beacon.web.live;

import city.beacon.web.security.BeaconUser;
import city.beacon.web.security.UserRightsChanged;
import org.springframework.context.event.EventListener;
import org.springframework.messaging.simp.SimpMessageHeaderAccessor;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.web.session.HttpSessionDestroyedEvent;
import org.springframework.stereotype.Component;
import org.springframework.web.socket.messaging.SessionConnectedEvent;
import org.springframework.web.socket.messaging.SessionDisconnectEvent;
import org.springframework.web.socket.server.support.HttpSessionHandshakeInterceptor;

import java.security.Principal;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which user each WebSocket session belongs to, with their rights cached, and whether the web session it came from
 * is still valid. Consulted for every outgoing message; a signed-out browser receives nothing more, and a user whose
 * rights changed ({@link UserRightsChanged}) is checked against the new ones from the next message on.
 */
@Component
public class LiveSessions {
    private final Map<String, Session> sessions = new ConcurrentHashMap<>();
    private final UserDetailsService users;

    public LiveSessions(UserDetailsService users) {
        this.users = users;
    }

    /** A live session; {@code user} caches the user's rights, null until first needed or after they changed. */
    record Session(String username, String httpSessionId, boolean revoked, BeaconUser user) {
        Session withUser(BeaconUser loaded) {
            return new Session(username, httpSessionId, revoked, loaded);
        }
    }

    @EventListener
    void connected(SessionConnectedEvent event) {
        Principal user = event.getUser();
        var headers = SimpMessageHeaderAccessor.wrap(event.getMessage());
        String sessionId = headers.getSessionId();
        if (user == null || sessionId == null) {
            return;
        }
        sessions.put(sessionId, new Session(user.getName(), httpSessionIdOf(event), false, null));
    }

    @EventListener
    void disconnected(SessionDisconnectEvent event) {
        sessions.remove(event.getSessionId());
    }

    @EventListener
    void signedOut(HttpSessionDestroyedEvent event) {
        String httpSessionId = event.getId();
        sessions.replaceAll((id, s) -> httpSessionId.equals(s.httpSessionId())
                ? new Session(s.username(), s.httpSessionId(), true, null) : s);
    }

    @EventListener
    void rightsChanged(UserRightsChanged event) {
        sessions.replaceAll((id, s) -> s.username().equalsIgnoreCase(event.username()) ? s.withUser(null) : s);
    }

    /**
     * The user behind a live session with the rights they have now, or null when the session is unknown or revoked
     * or the user no longer exists. Loaded once per session and kept until the user's rights change, so the check
     * made for every outgoing message costs a map lookup.
     */
    public BeaconUser userOf(String sessionId) {
        Session session = sessionId == null ? null : sessions.get(sessionId);
        if (session == null || session.revoked()) {
            return null;
        }
        if (session.user() != null) {
            return session.user();
        }
        BeaconUser loaded = load(session.username());
        if (loaded != null) {
            // only if the session was not changed meanwhile (signed out, rights changed): then the next use reloads
            sessions.replace(sessionId, session, session.withUser(loaded));
        }
        return loaded;
    }

    private BeaconUser load(String username) {
        try {
            return users.loadUserByUsername(username) instanceof BeaconUser user ? user : null;
        } catch (UsernameNotFoundException e) {
            return null;
        }
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
