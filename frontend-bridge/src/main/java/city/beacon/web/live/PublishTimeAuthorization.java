package city.beacon.web.live;

import city.beacon.web.security.BeaconUser;
import org.springframework.messaging.Message;
import org.springframework.messaging.MessageChannel;
import org.springframework.messaging.simp.SimpMessageHeaderAccessor;
import org.springframework.messaging.simp.SimpMessageType;
import org.springframework.messaging.support.ChannelInterceptor;
import org.springframework.messaging.support.MessageBuilder;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;

/**
 * Checks every message on its way to a client against the user's rights at that moment (not only at subscribe
 * time), and gives liaisons the variant without restricted fields that the relay prepared once per topic update.
 */
public class PublishTimeAuthorization implements ChannelInterceptor {
    static final String LIAISON_PAYLOAD = "beaconLiaisonPayload";
    private final LiveSessions sessions;
    private final UserDetailsService users;

    public PublishTimeAuthorization(LiveSessions sessions, UserDetailsService users) {
        this.sessions = sessions;
        this.users = users;
    }

    @Override
    public Message<?> preSend(Message<?> message, MessageChannel channel) {
        var headers = SimpMessageHeaderAccessor.wrap(message);
        if (headers.getMessageType() != SimpMessageType.MESSAGE) {
            return message;
        }
        BeaconUser user = currentUser(sessions.usernameOf(headers.getSessionId()));
        if (user == null || !LiveFeedAccess.mayReceive(user, headers.getDestination())) {
            return null;
        }
        Object restricted = message.getHeaders().get(LIAISON_PAYLOAD);
        if (restricted instanceof byte[] redacted && !LiveFeedAccess.seesRestrictedFields(user)) {
            return MessageBuilder.createMessage(redacted, message.getHeaders());
        }
        return message;
    }

    private BeaconUser currentUser(String username) {
        if (username == null) {
            return null;
        }
        try {
            return users.loadUserByUsername(username) instanceof BeaconUser user ? user : null;
        } catch (UsernameNotFoundException e) {
            return null;
        }
    }
}
