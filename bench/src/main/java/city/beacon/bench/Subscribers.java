package city.beacon.bench;

import org.springframework.messaging.Message;
import org.springframework.messaging.MessageHeaders;
import org.springframework.messaging.converter.MessageConverter;
import org.springframework.messaging.simp.stomp.StompFrameHandler;
import org.springframework.messaging.simp.stomp.StompHeaders;
import org.springframework.messaging.simp.stomp.StompSession;
import org.springframework.messaging.simp.stomp.StompSessionHandlerAdapter;
import org.springframework.web.socket.WebSocketHttpHeaders;
import org.springframework.web.socket.client.standard.StandardWebSocketClient;
import org.springframework.web.socket.messaging.WebSocketStompClient;

import jakarta.websocket.ContainerProvider;
import jakarta.websocket.WebSocketContainer;

import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Many consoles on one topic, as wall displays connect: HTTP Basic on the handshake, plain STOMP CONNECT. Each frame
 * is scanned (not parsed) for a marker {@code "summary":"<prefix><n>"}; the first arrival of each marker at each
 * subscriber is recorded with its time.
 */
final class Subscribers implements AutoCloseable {
    /** (subscriber, marker number, arrival nanos) */
    record Arrival(int subscriber, int marker, long nanos) {
    }

    private static final int MAX_FRAME = 1024 * 1024;
    private final List<StompSession> sessions = new ArrayList<>();
    private final ConcurrentLinkedQueue<Arrival> arrivals = new ConcurrentLinkedQueue<>();
    private volatile String prefix = "\u0000";
    private volatile java.util.Set<Long> seen = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private final AtomicLong arrived = new AtomicLong();
    /** The count a waiting run wants, completed by the arrival that reaches it. */
    private volatile Awaited awaited = new Awaited(Long.MAX_VALUE, new CompletableFuture<>());

    private record Awaited(long count, CompletableFuture<Void> reached) {
    }

    static Subscribers connect(String baseUrl, String user, String topic, int count) throws Exception {
        var subscribers = new Subscribers();
        // A board snapshot is one text frame of about 1 KB per active incident; Tomcat's client buffers only 8 K
        // characters of a message by default and closes the session on anything larger, as no browser would. It
        // allocates the buffer for every session up front, so it is sized for a board of about a thousand incidents.
        WebSocketContainer container = ContainerProvider.getWebSocketContainer();
        container.setDefaultMaxTextMessageBufferSize(MAX_FRAME);
        var client = new WebSocketStompClient(new StandardWebSocketClient(container));
        client.setMessageConverter(new RawText());
        client.setInboundMessageSizeLimit(MAX_FRAME);
        var headers = new WebSocketHttpHeaders();
        headers.add("Authorization", Api.basic(user, user));
        var firstFrames = new CountDownLatch(count);
        for (int i = 0; i < count; i++) {
            int index = i;
            var session = client.connectAsync(baseUrl.replace("http", "ws") + "/ws", headers,
                    new StompSessionHandlerAdapter() { }).get(30, TimeUnit.SECONDS);
            session.subscribe(topic, new StompFrameHandler() {
                private boolean first = true;

                @Override
                public Type getPayloadType(StompHeaders h) {
                    return String.class;
                }

                @Override
                public void handleFrame(StompHeaders h, Object payload) {
                    if (first) {
                        first = false;
                        firstFrames.countDown();
                    }
                    subscribers.received(index, (String) payload);
                }
            });
            subscribers.sessions.add(session);
        }
        if (!firstFrames.await(120, TimeUnit.SECONDS)) {
            throw new IllegalStateException("not every subscriber got its snapshot: " + firstFrames.getCount()
                    + " missing");
        }
        return subscribers;
    }

    private void received(int subscriber, String frame) {
        long now = System.nanoTime();
        String marker = "\"summary\":\"" + prefix;
        int from = 0;
        while (true) {
            int at = frame.indexOf(marker, from);
            if (at < 0) {
                return;
            }
            int start = at + marker.length();
            int end = start;
            while (end < frame.length() && Character.isDigit(frame.charAt(end))) {
                end++;
            }
            if (end > start && end < frame.length() && frame.charAt(end) == '"') {
                int number = Integer.parseInt(frame.substring(start, end));
                if (seen.add(((long) subscriber << 32) | number)) {
                    arrivals.add(new Arrival(subscriber, number, now));
                    var waiting = awaited;
                    if (arrived.incrementAndGet() >= waiting.count()) {
                        waiting.reached().complete(null);
                    }
                }
            }
            from = end;
        }
    }

    /** Starts a new run: only markers with this prefix count from now on. */
    void expect(String markerPrefix) {
        awaited = new Awaited(Long.MAX_VALUE, new CompletableFuture<>());
        arrivals.clear();
        arrived.set(0);
        seen = java.util.concurrent.ConcurrentHashMap.newKeySet();
        prefix = markerPrefix;
    }

    /**
     * Waits until this run's arrivals number {@code count}, or until {@code deadline} ({@link System#nanoTime()});
     * the frame handler that records the last one ends the wait.
     */
    boolean awaitArrivals(long count, long deadline) throws InterruptedException {
        var waiting = new Awaited(count, new CompletableFuture<>());
        awaited = waiting;
        if (arrived.get() >= count) {   // reached before this wait was set up
            return true;
        }
        try {
            waiting.reached().get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            return true;
        } catch (TimeoutException e) {
            return false;
        } catch (ExecutionException e) {
            throw new IllegalStateException(e);
        }
    }

    List<Arrival> arrivals() {
        return new ArrayList<>(arrivals);
    }

    int size() {
        return sessions.size();
    }

    @Override
    public void close() {
        for (var session : sessions) {
            try {
                session.disconnect();
            } catch (RuntimeException ignored) {
                // closing anyway
            }
        }
    }

    /** Frames as text, whatever their content type: the bench only scans them. */
    private static final class RawText implements MessageConverter {
        @Override
        public Object fromMessage(Message<?> message, Class<?> targetClass) {
            Object payload = message.getPayload();
            return payload instanceof byte[] bytes ? new String(bytes, StandardCharsets.UTF_8) : payload.toString();
        }

        @Override
        public Message<?> toMessage(Object payload, MessageHeaders headers) {
            return null;
        }
    }
}
