package city.beacon.web.live;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.simp.config.ChannelRegistration;
import org.springframework.web.socket.config.annotation.WebSocketTransportRegistration;
import org.springframework.messaging.simp.config.MessageBrokerRegistry;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;
import org.springframework.security.web.session.HttpSessionEventPublisher;
import org.springframework.web.socket.config.annotation.EnableWebSocketMessageBroker;
import org.springframework.web.socket.config.annotation.StompEndpointRegistry;
import org.springframework.web.socket.config.annotation.WebSocketMessageBrokerConfigurer;
import org.springframework.web.socket.messaging.StompSubProtocolHandler;
import org.springframework.web.socket.messaging.SubProtocolWebSocketHandler;
import org.springframework.web.socket.server.support.HttpSessionHandshakeInterceptor;

/** STOMP over plain WebSocket at {@code /ws}; a simple in-memory broker per node serves the {@code /topic}s. */
@Configuration(proxyBeanMethods = false)
@EnableWebSocketMessageBroker
public class LiveFeedConfiguration implements WebSocketMessageBrokerConfigurer {
    private final LiveSessions sessions;
    private final StompLimits limits;
    private final StompLimitsConfiguration.LiveLimits liveLimits;
    private final ProblemHandshakeHandler handshakeHandler;

    public LiveFeedConfiguration(LiveSessions sessions, StompLimits limits,
                                 StompLimitsConfiguration.LiveLimits liveLimits, ObjectMapper objectMapper) {
        this.sessions = sessions;
        this.limits = limits;
        this.liveLimits = liveLimits;
        this.handshakeHandler = new ProblemHandshakeHandler(objectMapper);
    }

    @Override
    public void configureClientInboundChannel(ChannelRegistration registration) {
        registration.interceptors(limits);
    }

    /**
     * Clients send only small frames (CONNECT, SUBSCRIBE): a larger one, or one whose content-length promises more,
     * is refused with an ERROR frame and the session closed. Large WebSocket messages arrive in pieces
     * ({@link PartialFrames}) so that the STOMP decoder, not the container, applies the limit and says why.
     */
    @Override
    public void configureWebSocketTransport(WebSocketTransportRegistration registration) {
        registration.setMessageSizeLimit((int) liveLimits.maxFrameSize().toBytes());
        registration.addDecoratorFactory(PartialFrames::new);
    }

    /** Set once every handler exists: Spring creates the STOMP handler after the transport is configured. */
    @Bean
    SmartInitializingSingleton boundedStompDecoder(ApplicationContext context) {
        return () -> {
            var handler = context.getBean("subProtocolWebSocketHandler", SubProtocolWebSocketHandler.class);
            for (var protocol : handler.getProtocolHandlers()) {
                if (protocol instanceof StompSubProtocolHandler stomp) {
                    stomp.setDecoder(new BoundedStompDecoder(liveLimits.maxFrameSize().toBytes()));
                }
            }
        };
    }

    @Override
    public void registerStompEndpoints(StompEndpointRegistry registry) {
        // Same-origin only for browsers (Spring's default); clients without an Origin header (wall displays,
        // department systems) authenticate with HTTP Basic on the handshake.
        registry.addEndpoint("/ws").setHandshakeHandler(handshakeHandler)
                .addInterceptors(new SameOriginHandshake(handshakeHandler), new HttpSessionHandshakeInterceptor());
    }

    @Override
    public void configureMessageBroker(MessageBrokerRegistry registry) {
        registry.enableSimpleBroker("/topic")
                .setHeartbeatValue(new long[]{10_000, 10_000})
                .setTaskScheduler(heartbeatScheduler());
        registry.setApplicationDestinationPrefixes("/app");
    }

    @Override
    public void configureClientOutboundChannel(ChannelRegistration registration) {
        registration.interceptors(new PublishTimeAuthorization(sessions));
    }

    /** Turns web-session ends (sign-out, expiry) into events LiveSessions listens to. */
    @Bean
    HttpSessionEventPublisher httpSessionEventPublisher() {
        return new HttpSessionEventPublisher();
    }

    @Bean
    ThreadPoolTaskScheduler heartbeatScheduler() {
        var scheduler = new ThreadPoolTaskScheduler();
        scheduler.setPoolSize(1);
        scheduler.setThreadNamePrefix("ws-heartbeat-");
        scheduler.initialize();
        return scheduler;
    }
}
