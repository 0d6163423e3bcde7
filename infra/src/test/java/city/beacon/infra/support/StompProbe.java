package city.beacon.infra.support;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.websocket.ContainerProvider;
import jakarta.websocket.WebSocketContainer;
import org.springframework.messaging.converter.MappingJackson2MessageConverter;
import org.springframework.messaging.simp.stomp.StompFrameHandler;
import org.springframework.messaging.simp.stomp.StompHeaders;
import org.springframework.messaging.simp.stomp.StompSession;
import org.springframework.messaging.simp.stomp.StompSessionHandlerAdapter;
import org.springframework.web.socket.WebSocketHttpHeaders;
import org.springframework.web.socket.client.standard.StandardWebSocketClient;
import org.springframework.web.socket.messaging.WebSocketStompClient;

import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A non-browser live-feed client, as a wall display would be: HTTP Basic on the handshake, a plain STOMP CONNECT,
 * no CSRF token. Collects every frame it receives.
 */
public final class StompProbe implements AutoCloseable {
    private final StompSession session;
    private final BlockingQueue<JsonNode> messages = new LinkedBlockingQueue<>();
    private final List<JsonNode> received = new CopyOnWriteArrayList<>();
    /** ERROR frames and transport failures, for as long as the session lives: a failure to wait says why. */
    private final BlockingQueue<String> errors;

    private StompProbe(StompSession session, BlockingQueue<String> errors) {
        this.session = session;
        this.errors = errors;
    }

    public static StompProbe connect(String baseUrl, String user, String password) throws Exception {
        var headers = new WebSocketHttpHeaders();
        headers.add("Authorization", "Basic " + Base64.getEncoder()
                .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
        return connect(baseUrl, headers);
    }

    /** As a signed-in browser connects: with its session cookie, e.g. {@code JSESSIONID=…}. */
    public static StompProbe connectWithCookie(String baseUrl, String cookie) throws Exception {
        var headers = new WebSocketHttpHeaders();
        headers.add("Cookie", cookie);
        return connect(baseUrl, headers);
    }

    private static StompProbe connect(String baseUrl, WebSocketHttpHeaders headers) throws Exception {
        // A board snapshot of a few dozen incidents passes both the WebSocket container's default text buffer (8 KB:
        // Tomcat's client then closes the session with 1009 "too big", no error on either side) and the STOMP
        // client's default 64 KB; seen as a missing snapshot in TwoNodesIT. A browser has no such limits.
        WebSocketContainer container = ContainerProvider.getWebSocketContainer();
        container.setDefaultMaxTextMessageBufferSize(4 * 1024 * 1024);
        var client = new WebSocketStompClient(new StandardWebSocketClient(container));
        client.setMessageConverter(new MappingJackson2MessageConverter());
        client.setInboundMessageSizeLimit(4 * 1024 * 1024);
        var errors = new LinkedBlockingQueue<String>();
        var handler = new StompSessionHandlerAdapter() {
            @Override
            public void handleFrame(StompHeaders frameHeaders, Object payload) {
                errors.add(frameHeaders.getFirst("message") + "");
            }

            @Override
            public void handleTransportError(StompSession s, Throwable exception) {
                errors.add("transport: " + exception);
            }
        };
        var session = client.connectAsync(baseUrl.replace("http", "ws") + "/ws", headers, handler).get(10, TimeUnit.SECONDS);
        return new StompProbe(session, errors);
    }

    public StompProbe subscribe(String topic) {
        session.subscribe(topic, new StompFrameHandler() {
            @Override
            public Type getPayloadType(StompHeaders headers) {
                return JsonNode.class;
            }

            @Override
            public void handleFrame(StompHeaders headers, Object payload) {
                received.add((JsonNode) payload);
                messages.add((JsonNode) payload);
            }
        });
        return this;
    }

    /** The next message that satisfies the condition, skipping others; fails after the timeout. */
    public JsonNode next(Predicate<JsonNode> condition, Duration timeout) throws InterruptedException {
        long end = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < end) {
            JsonNode message = messages.poll(Math.max(1, (end - System.nanoTime()) / 1_000_000), TimeUnit.MILLISECONDS);
            if (message != null && condition.test(message)) {
                return message;
            }
        }
        throw new AssertionError("no matching live message within " + timeout + "; session "
                + (session.isConnected() ? "connected" : "closed") + ", errors: " + errors);
    }

    public JsonNode poll(Duration timeout) throws InterruptedException {
        return messages.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Every message received so far, in arrival order. */
    public List<JsonNode> received() {
        return List.copyOf(received);
    }

    public boolean isConnected() {
        return session.isConnected();
    }

    @Override
    public void close() {
        if (session.isConnected()) {
            session.disconnect();
        }
    }

}
