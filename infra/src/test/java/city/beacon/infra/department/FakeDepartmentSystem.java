package city.beacon.infra.department;

import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A department's own system on 127.0.0.1 and a random port, answering request i with reply i of its script (the
 * last reply repeats). Counts what reaches it.
 */
final class FakeDepartmentSystem implements AutoCloseable {
    private final HttpServer server;
    private final ExecutorService workers = Executors.newCachedThreadPool();
    private volatile List<Reply> script;
    private final AtomicInteger requestCount = new AtomicInteger();
    private final AtomicInteger scriptIndex = new AtomicInteger();
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final CountDownLatch released = new CountDownLatch(1);
    static final Duration LONGEST_HOLD = Duration.ofMinutes(2);

    /** @param held the answer waits until the test calls {@link #release()} (at most {@link #LONGEST_HOLD}) */
    record Reply(int status, Duration delay, boolean held) {
        Reply(int status, Duration delay) {
            this(status, delay, false);
        }

        static Reply ok() {
            return new Reply(200, Duration.ZERO);
        }

        static Reply status(int status) {
            return new Reply(status, Duration.ZERO);
        }

        static Reply slow(Duration delay) {
            return new Reply(200, delay);
        }

        /** A system that has taken the request and not answered yet, for as long as the test says. */
        static Reply heldUntilReleased() {
            return new Reply(200, Duration.ZERO, true);
        }
    }

    record Received(String path, String contentType, String idempotencyKey, String body) {
    }

    private FakeDepartmentSystem(List<Reply> script, int port) throws IOException {
        this.script = script;
        this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
        server.setExecutor(workers);   // a slow answer must not hold up the next try
        server.createContext("/", exchange -> {
            requestCount.incrementAndGet();
            int index = scriptIndex.getAndIncrement();
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            received.add(new Received(exchange.getRequestURI().getPath(),
                    exchange.getRequestHeaders().getFirst("Content-Type"),
                    exchange.getRequestHeaders().getFirst(WebhookClient.IDEMPOTENCY_HEADER), body));
            List<Reply> replies = this.script;
            Reply reply = replies.get(Math.min(index, replies.size() - 1));
            try {
                if (reply.held()) {
                    released.await(LONGEST_HOLD.toMillis(), TimeUnit.MILLISECONDS);
                }
                Thread.sleep(reply.delay().toMillis());
                byte[] answer = ("{\"reply\":" + reply.status() + "}").getBytes(StandardCharsets.UTF_8);
                exchange.sendResponseHeaders(reply.status(), answer.length);
                exchange.getResponseBody().write(answer);
            } catch (InterruptedException stopping) {
                Thread.currentThread().interrupt();
            } catch (IOException clientGone) {
                // Beacon gave up on this try (time limit) and closed the connection.
            } finally {
                exchange.close();
            }
        });
        server.start();
    }

    static FakeDepartmentSystem answering(Reply... script) {
        try {
            return new FakeDepartmentSystem(List.of(script), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A system that starts listening where {@code url} points (one that refused connections comes back). */
    static FakeDepartmentSystem at(URI url, Reply... script) {
        try {
            return new FakeDepartmentSystem(List.of(script), url.getPort());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A URL on 127.0.0.1 where nothing listens: the port was free a moment ago. */
    static URI nothingListening() {
        try (var socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return URI.create("http://127.0.0.1:" + socket.getLocalPort() + "/beacon/tasks");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    URI url(String path) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
    }

    /** From the next request on, answers with {@code reply} (e.g. the system is back). */
    void answerFromNowOn(Reply reply) {
        script = List.of(reply);
        scriptIndex.set(0);
    }

    /** Idempotency keys in the order they first arrived: what a department that drops repeats processes. */
    List<String> firstArrivals() {
        return received.stream().map(Received::idempotencyKey).distinct().toList();
    }

    /** Held answers go out now. */
    void release() {
        released.countDown();
    }

    int requests() {
        return requestCount.get();
    }

    List<Received> received() {
        return received;
    }

    @Override
    public void close() {
        server.stop(0);
        workers.shutdownNow();
    }
}
