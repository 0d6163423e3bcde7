package city.beacon.web.live;

import city.beacon.web.security.BeaconUser;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;
import org.springframework.messaging.simp.SimpMessageHeaderAccessor;
import org.springframework.messaging.simp.SimpMessageType;
import org.springframework.messaging.support.ChannelInterceptor;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.config.annotation.web.socket.EnableWebSocketSecurity;
import org.springframework.security.messaging.access.intercept.MessageMatcherDelegatingAuthorizationManager;

/**
 * Who may subscribe to what (LiveFeedAccess); the feed is read-only, so clients may send nothing else.
 * Publish-time checks happen in PublishTimeAuthorization.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSocketSecurity
public class LiveFeedSecurityConfiguration {

    @Bean
    AuthorizationManager<Message<?>> messageAuthorizationManager(
            MessageMatcherDelegatingAuthorizationManager.Builder messages) {
        return messages
                .simpTypeMatchers(SimpMessageType.CONNECT, SimpMessageType.HEARTBEAT, SimpMessageType.UNSUBSCRIBE,
                        SimpMessageType.DISCONNECT).authenticated()
                .simpSubscribeDestMatchers("/topic/**").access((authentication, context) -> {
                    var destination = SimpMessageHeaderAccessor.getDestination(context.getMessage().getHeaders());
                    var principal = authentication.get() == null ? null : authentication.get().getPrincipal();
                    return new AuthorizationDecision(principal instanceof BeaconUser user
                            && LiveFeedAccess.mayReceive(user, destination));
                })
                .anyMessage().denyAll()
                .build();
    }

    /**
     * Replaces the CONNECT-frame CSRF check so non-browser clients can connect with Basic credentials alone. Browsers
     * are protected instead by the endpoint's same-origin check on the handshake (cross-site WebSocket hijacking).
     */
    @Bean
    ChannelInterceptor csrfChannelInterceptor() {
        return new ChannelInterceptor() { };
    }
}
