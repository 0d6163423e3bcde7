package city.beacon.web.live;

import org.junit.jupiter.api.Test;
import org.springframework.messaging.Message;
import org.springframework.messaging.MessageDeliveryException;
import org.springframework.messaging.simp.stomp.StompCommand;
import org.springframework.messaging.simp.stomp.StompHeaderAccessor;
import org.springframework.messaging.support.MessageBuilder;

import java.security.Principal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StompLimitsTest {
    static final class ManualClock extends Clock {
        Instant now = Instant.parse("2026-11-28T08:00:00Z");

        @Override public ZoneId getZone() { return ZoneOffset.UTC; }
        @Override public Clock withZone(ZoneId zone) { return this; }
        @Override public Instant instant() { return now; }
    }

    private final ManualClock clock = new ManualClock();
    private final StompLimits limits = new StompLimits(new StompLimits.Limits(3, 5, 10, 2.0), clock);

    private static Message<byte[]> frame(StompCommand command, String session, String user, String subscription) {
        var headers = StompHeaderAccessor.create(command);
        headers.setSessionId(session);
        Principal principal = () -> user;
        headers.setUser(principal);
        if (subscription != null) {
            headers.setSubscriptionId(subscription);
            headers.setDestination("/topic/units");
        }
        return MessageBuilder.createMessage(new byte[0], headers.getMessageHeaders());
    }

    @Test
    void aSessionMayHoldOnlySoManySubscriptions() {
        for (int i = 0; i < 3; i++) {
            limits.preSend(frame(StompCommand.SUBSCRIBE, "s1", "wall", "sub-" + i), null);
        }
        assertThatThrownBy(() -> limits.preSend(frame(StompCommand.SUBSCRIBE, "s1", "wall", "sub-3"), null))
                .isInstanceOf(MessageDeliveryException.class).hasMessageContaining("3 subscriptions a session");
        limits.preSend(frame(StompCommand.UNSUBSCRIBE, "s1", "wall", "sub-0"), null);
        limits.preSend(frame(StompCommand.SUBSCRIBE, "s1", "wall", "sub-3"), null);
    }

    @Test
    void aUserMayHoldOnlySoManyAcrossSessionsUntilOneCloses() {
        for (int i = 0; i < 5; i++) {
            limits.preSend(frame(StompCommand.SUBSCRIBE, "s" + (i % 2), "wall", "sub-" + i), null);
        }
        assertThatThrownBy(() -> limits.preSend(frame(StompCommand.SUBSCRIBE, "s9", "wall", "x"), null))
                .hasMessageContaining("5 subscriptions a user");
        limits.preSend(frame(StompCommand.DISCONNECT, "s0", "wall", null), null);
        assertThat(limits.subscriptionsOf("wall")).isEqualTo(2);
        limits.preSend(frame(StompCommand.SUBSCRIBE, "s9", "wall", "x"), null);
    }

    @Test
    void framesBeyondTheRateAreRefusedUntilTheBucketRefills() {
        for (int i = 0; i < 10; i++) {
            limits.preSend(frame(StompCommand.SEND, "s1", "wall", null), null);
        }
        assertThatThrownBy(() -> limits.preSend(frame(StompCommand.SEND, "s1", "wall", null), null))
                .hasMessageContaining("frames a second");
        clock.now = clock.now.plusSeconds(1);
        limits.preSend(frame(StompCommand.SEND, "s1", "wall", null), null);
        limits.preSend(frame(StompCommand.SEND, "s1", "wall", null), null);
        assertThatThrownBy(() -> limits.preSend(frame(StompCommand.SEND, "s1", "wall", null), null))
                .isInstanceOf(MessageDeliveryException.class);
    }
}
