package city.beacon.web.live;

import city.beacon.web.security.BeaconUser;
import org.springframework.messaging.Message;
import org.springframework.messaging.MessageChannel;
import org.springframework.messaging.simp.SimpMessageHeaderAccessor;
import org.springframework.messaging.simp.SimpMessageType;
import org.springframework.messaging.support.ChannelInterceptor;
import org.springframework.messaging.support.MessageBuilder;

/**
 * Checks every message on its way to a client against the user's rights at that moment (not only at subscribe
 * time), and gives liaisons the variant without restricted fields that the relay prepared once per topic update.
 * The rights come from the session's cache ({@link LiveSessions#userOf}), so the check is a map lookup and a few
 * comparisons per message and subscriber; the payload is never serialized here.
 */
public class PublishTimeAuthorization implements ChannelInterceptor {
    static final String LIAISON_PAYLOAD = "beaconLiaisonPayload";
    private final LiveSessions sessions;

    public PublishTimeAuthorization(LiveSessions sessions) {
        this.sessions = sessions;
    }

    @Override
    public Message<?> preSend(Message<?> message, MessageChannel channel) {
        var headers = SimpMessageHeaderAccessor.wrap(message);
        if (headers.getMessageType() != SimpMessageType.MESSAGE) {
            return message;
        }
        BeaconUser user = sessions.userOf(headers.getSessionId());
        if (user == null || !LiveFeedAccess.mayReceive(user, headers.getDestination())) {
            return null;
        }
        Object restricted = message.getHeaders().get(LIAISON_PAYLOAD);
        if (restricted instanceof byte[] redacted && !LiveFeedAccess.seesRestrictedFields(user)) {
            return MessageBuilder.createMessage(redacted, message.getHeaders());
        }
        return message;
    }
}
