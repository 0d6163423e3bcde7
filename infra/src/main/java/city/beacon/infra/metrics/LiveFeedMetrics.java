package city.beacon.infra.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.context.event.EventListener;
import org.springframework.messaging.Message;
import org.springframework.messaging.MessageChannel;
import org.springframework.messaging.simp.SimpMessageHeaderAccessor;
import org.springframework.messaging.simp.SimpMessageType;
import org.springframework.messaging.simp.config.ChannelRegistration;
import org.springframework.messaging.support.ChannelInterceptor;
import org.springframework.web.socket.config.annotation.WebSocketMessageBrokerConfigurer;
import org.springframework.web.socket.messaging.SessionDisconnectEvent;
import org.springframework.web.socket.messaging.SessionSubscribeEvent;
import org.springframework.web.socket.messaging.SessionUnsubscribeEvent;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The live feed seen from outside: open STOMP subscriptions by topic family ({@code beacon.live.subscriptions}) and
 * MESSAGE frames handed to WebSocket sessions ({@code beacon.live.frames.sent}). A frame that publish-time
 * authorization drops is not counted: it is counted only once every interceptor let it through.
 */
class LiveFeedMetrics implements WebSocketMessageBrokerConfigurer {
    static final String[] FAMILIES = {"board", "incident", "department", "units", "other"};
    private final MeterRegistry registry;
    /** session id → subscription id → topic family */
    private final Map<String, Map<String, String>> subscriptions = new ConcurrentHashMap<>();

    LiveFeedMetrics(MeterRegistry registry) {
        this.registry = registry;
        for (String family : FAMILIES) {
            Gauge.builder("beacon.live.subscriptions", this, metrics -> metrics.count(family))
                    .description("Open live-feed subscriptions, by topic family")
                    .tag("topic", family).register(registry);
        }
        Gauge.builder("beacon.live.sessions", subscriptions, Map::size)
                .description("WebSocket sessions with at least one subscription").register(registry);
    }

    static String family(String destination) {
        if (destination == null) {
            return "other";
        }
        if (destination.equals("/topic/board")) {
            return "board";
        }
        if (destination.equals("/topic/units")) {
            return "units";
        }
        if (destination.startsWith("/topic/incidents/")) {
            return "incident";
        }
        return destination.startsWith("/topic/departments/") ? "department" : "other";
    }

    private long count(String family) {
        return subscriptions.values().stream()
                .flatMap(bySubscription -> bySubscription.values().stream())
                .filter(family::equals).count();
    }

    @EventListener
    void subscribed(SessionSubscribeEvent event) {
        var headers = SimpMessageHeaderAccessor.wrap(event.getMessage());
        if (headers.getSessionId() != null && headers.getSubscriptionId() != null) {
            subscriptions.computeIfAbsent(headers.getSessionId(), s -> new ConcurrentHashMap<>())
                    .put(headers.getSubscriptionId(), family(headers.getDestination()));
        }
    }

    @EventListener
    void unsubscribed(SessionUnsubscribeEvent event) {
        var headers = SimpMessageHeaderAccessor.wrap(event.getMessage());
        var ofSession = headers.getSessionId() == null ? null : subscriptions.get(headers.getSessionId());
        if (ofSession != null && headers.getSubscriptionId() != null) {
            ofSession.remove(headers.getSubscriptionId());
            subscriptions.computeIfPresent(headers.getSessionId(), (id, subs) -> subs.isEmpty() ? null : subs);
        }
    }

    @EventListener
    void disconnected(SessionDisconnectEvent event) {
        subscriptions.remove(event.getSessionId());
    }

    @Override
    public void configureClientOutboundChannel(ChannelRegistration registration) {
        registration.interceptors(new FramesSent());
    }

    /** Counts in afterSendCompletion: reached only if this and every later interceptor let the frame pass. */
    private final class FramesSent implements ChannelInterceptor {
        private final Map<String, Counter> counters = new ConcurrentHashMap<>();

        @Override
        public void afterSendCompletion(Message<?> message, MessageChannel channel, boolean sent, Exception ex) {
            var headers = SimpMessageHeaderAccessor.wrap(message);
            if (sent && ex == null && headers.getMessageType() == SimpMessageType.MESSAGE) {
                counters.computeIfAbsent(family(headers.getDestination()), family ->
                        Counter.builder("beacon.live.frames.sent")
                                .description("Live-feed frames (snapshots and deltas) sent to sessions, by topic family")
                                .tag("topic", family).register(registry)).increment();
            }
        }
    }
}
