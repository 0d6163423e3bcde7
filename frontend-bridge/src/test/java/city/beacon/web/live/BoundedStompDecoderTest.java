package city.beacon.web.live;

import org.junit.jupiter.api.Test;
import org.springframework.messaging.simp.stomp.StompConversionException;
import org.springframework.util.LinkedMultiValueMap;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A frame that promises a body over the limit is refused as soon as its headers arrive, not waited for. */
class BoundedStompDecoderTest {
    private final BoundedStompDecoder decoder = new BoundedStompDecoder(1024);

    private static ByteBuffer frame(String text) {
        return ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aPromiseOfMoreThanTheLimitIsRefusedBeforeTheBodyArrives() {
        var partial = new LinkedMultiValueMap<String, String>();
        assertThatThrownBy(() -> decoder.decode(frame("SEND\ndestination:/app/x\ncontent-length:1000000\n\nabc"),
                partial))
                .isInstanceOf(StompConversionException.class)
                .hasMessageContaining("content-length 1000000 exceeds the frame size limit of 1024 bytes");
    }

    @Test
    void aFrameWithinTheLimitIsDecoded() {
        var partial = new LinkedMultiValueMap<String, String>();
        var messages = decoder.decode(frame("SEND\ndestination:/app/x\ncontent-length:2\n\nhi\0"),
                partial);
        assertThat(messages).hasSize(1);
        assertThat(new String(messages.get(0).getPayload(), StandardCharsets.UTF_8)).isEqualTo("hi");
    }
}
