package city.beacon.web.live;

import org.springframework.context.event.EventListener;
import org.springframework.messaging.Message;
import org.springframework.messaging.MessageChannel;
import org.springframework.messaging.MessageDeliveryException;
import org.springframework.messaging.simp.stomp.StompCommand;
import org.springframework.messaging.simp.stomp.StompHeaderAccessor;
import org.springframework.messaging.support.ChannelInterceptor;
import org.springframework.web.socket.messaging.SessionDisconnectEvent;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Bounds what one STOMP client may ask of Beacon: subscriptions per session and per user, and frames per second
 * (a bucket refilled at {@code framesPerSecond} that holds {@code burst}). A frame over a limit is refused: Spring
 * then sends an ERROR frame that says why and closes the session. Frame size is bounded by the transport
 * ({@link LiveFeedConfiguration}).
 */
public class StompLimits implements ChannelInterceptor {
    /** The limits; see {@code beacon.live.limits} in application.yml. */
    public record Limits(int subscriptionsPerSession, int subscriptionsPerUser, int burst, double framesPerSecond) { }

    private static final class Session {
        final String user;
        final Set<String> subscriptions = new HashSet<>();
        double tokens;
        Instant refilled;

        Session(String user, double tokens, Instant now) {
            this.user = user;
            this.tokens = tokens;
            this.refilled = now;
        }
    }

    private final Limits limits;
    private final Clock clock;
    private final Map<String, Session> sessions = new ConcurrentHashMap<>();
    private final Map<String, Integer> perUser = new ConcurrentHashMap<>();

    public StompLimits(Limits limits, Clock clock) {
        this.limits = limits;
        this.clock = clock;
    }

    @Override
    public Message<?> preSend(Message<?> message, MessageChannel channel) {
        var headers = StompHeaderAccessor.wrap(message);
        String sessionId = headers.getSessionId();
        StompCommand command = headers.getCommand();
        if (sessionId == null || command == null) {
            return message;
        }
        if (command == StompCommand.DISCONNECT) {
            release(sessionId);
            return message;
        }
        String user = headers.getUser() == null ? "" : headers.getUser().getName();
        Session session = sessions.computeIfAbsent(sessionId, id -> new Session(user, limits.burst(), clock.instant()));
        synchronized (session) {
            if (!take(session)) {
                throw new MessageDeliveryException(message, "more than " + limits.framesPerSecond()
                        + " frames a second; slow down");
            }
            if (command == StompCommand.SUBSCRIBE) {
                subscribe(message, session, headers.getSubscriptionId());
            } else if (command == StompCommand.UNSUBSCRIBE && session.subscriptions.remove(headers.getSubscriptionId())) {
                perUser.computeIfPresent(session.user, (u, n) -> n <= 1 ? null : n - 1);
            }
        }
        return message;
    }

    private void subscribe(Message<?> message, Session session, String subscriptionId) {
        if (subscriptionId == null || session.subscriptions.contains(subscriptionId)) {
            return;
        }
        if (session.subscriptions.size() >= limits.subscriptionsPerSession()) {
            throw new MessageDeliveryException(message, "at most " + limits.subscriptionsPerSession()
                    + " subscriptions a session");
        }
        int held = perUser.getOrDefault(session.user, 0);
        if (held >= limits.subscriptionsPerUser()) {
            throw new MessageDeliveryException(message, "at most " + limits.subscriptionsPerUser()
                    + " subscriptions a user across sessions");
        }
        session.subscriptions.add(subscriptionId);
        perUser.merge(session.user, 1, Integer::sum);
    }

    private boolean take(Session session) {
        Instant now = clock.instant();
        double seconds = Math.max(0, Duration.between(session.refilled, now).toNanos() / 1e9);
        session.tokens = Math.min(limits.burst(), session.tokens + seconds * limits.framesPerSecond());
        session.refilled = now;
        if (session.tokens < 1) {
            return false;
        }
        session.tokens -= 1;
        return true;
    }

    @EventListener
    public void disconnected(SessionDisconnectEvent event) {
        release(event.getSessionId());
    }

    private void release(String sessionId) {
        Session session = sessions.remove(sessionId);
        if (session == null) {
            return;
        }
        synchronized (session) {
            int held = session.subscriptions.size();
            session.subscriptions.clear();
            if (held > 0) {
                perUser.computeIfPresent(session.user, (u, n) -> n <= held ? null : n - held);
            }
        }
    }

    int subscriptionsOf(String user) {
        return perUser.getOrDefault(user, 0);
    }
}
