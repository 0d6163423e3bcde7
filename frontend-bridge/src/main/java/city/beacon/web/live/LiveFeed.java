package city.beacon.web.live;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.messaging.MessageChannel;
import org.springframework.messaging.simp.SimpMessageHeaderAccessor;
import org.springframework.messaging.simp.SimpMessageSendingOperations;
import org.springframework.messaging.simp.SimpMessageType;
import org.springframework.messaging.support.MessageBuilder;
import org.springframework.stereotype.Component;
import org.springframework.util.MimeTypeUtils;

import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Publishes to topics with a version per topic. A delta is serialized once per topic, not once per session, and
 * the broker fans it out; a snapshot goes to the one subscription that asked for it. Both take the topic's lock,
 * so a snapshot's version is exactly the last delta it includes.
 */
@Component
public class LiveFeed {
    private final SimpMessageSendingOperations broker;
    private final MessageChannel clientOutbound;
    private final ObjectMapper json;
    private final Clock clock;
    private final Map<String, long[]> versions = new ConcurrentHashMap<>();

    public LiveFeed(@Qualifier("brokerMessagingTemplate") SimpMessageSendingOperations broker,
                    @Qualifier("clientOutboundChannel") MessageChannel clientOutbound, ObjectMapper json, Clock clock) {
        this.broker = broker;
        this.clientOutbound = clientOutbound;
        this.json = json;
        this.clock = clock;
    }

    /** @param liaisonPayload what liaisons get instead (null: the same) */
    public void publish(String topic, Object payload, Object liaisonPayload) {
        long[] version = versions.computeIfAbsent(topic, t -> new long[1]);
        synchronized (version) {
            version[0]++;
            var headers = headers(topic, LiveMessage.Kind.DELTA, version[0], liaisonPayload);
            broker.send(topic, MessageBuilder.createMessage(bytes(topic, LiveMessage.Kind.DELTA, version[0], payload),
                    headers.getMessageHeaders()));
        }
    }

    public void sendSnapshot(String sessionId, String subscriptionId, String topic, Supplier<Object> payload,
                             Supplier<Object> liaisonPayload) {
        long[] version = versions.computeIfAbsent(topic, t -> new long[1]);
        synchronized (version) {
            var headers = headers(topic, LiveMessage.Kind.SNAPSHOT, version[0], liaisonPayload.get());
            headers.setSessionId(sessionId);
            headers.setSubscriptionId(subscriptionId);
            clientOutbound.send(MessageBuilder.createMessage(
                    bytes(topic, LiveMessage.Kind.SNAPSHOT, version[0], payload.get()), headers.getMessageHeaders()));
        }
    }

    private SimpMessageHeaderAccessor headers(String topic, LiveMessage.Kind kind, long version, Object liaisonPayload) {
        var headers = SimpMessageHeaderAccessor.create(SimpMessageType.MESSAGE);
        headers.setDestination(topic);
        headers.setContentType(MimeTypeUtils.APPLICATION_JSON);
        if (liaisonPayload != null) {
            headers.setHeader(PublishTimeAuthorization.LIAISON_PAYLOAD, bytes(topic, kind, version, liaisonPayload));
        }
        headers.setLeaveMutable(true);
        return headers;
    }

    private byte[] bytes(String topic, LiveMessage.Kind kind, long version, Object payload) {
        try {
            return json.writeValueAsBytes(new LiveMessage(topic, kind, version, clock.instant(), payload));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialize a live message for " + topic, e);
        }
    }
}
