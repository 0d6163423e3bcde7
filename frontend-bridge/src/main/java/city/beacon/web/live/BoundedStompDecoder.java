package city.beacon.web.live;

import org.springframework.messaging.Message;
import org.springframework.messaging.simp.stomp.StompConversionException;
import org.springframework.messaging.simp.stomp.StompDecoder;
import org.springframework.messaging.simp.stomp.StompHeaderAccessor;
import org.springframework.util.MultiValueMap;

import java.nio.ByteBuffer;
import java.util.List;

/**
 * Refuses a frame whose {@code content-length} promises more than the frame size limit as soon as its headers are
 * read. Spring's buffering decoder would otherwise wait, silently and forever, for a body that never comes.
 */
final class BoundedStompDecoder extends StompDecoder {
    private final long maxFrameBytes;

    BoundedStompDecoder(long maxFrameBytes) {
        this.maxFrameBytes = maxFrameBytes;
    }

    @Override
    public List<Message<byte[]>> decode(ByteBuffer buffer, MultiValueMap<String, String> partialMessageHeaders) {
        List<Message<byte[]>> messages = super.decode(buffer, partialMessageHeaders);
        if (partialMessageHeaders != null) {
            Integer promised = StompHeaderAccessor.getContentLength(partialMessageHeaders);
            if (promised != null && promised > maxFrameBytes) {
                throw new StompConversionException("content-length " + promised + " exceeds the frame size limit of "
                        + maxFrameBytes + " bytes");
            }
        }
        return messages;
    }
}
