package city.beacon.infra.fault;

import city.beacon.infra.support.Reports;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * An open-loop command generator, as a busy command center would be: commands leave at a fixed rate whether or not
 * earlier ones were answered. Each slot takes the oldest waiting acknowledgment (fed by {@link LiaisonDesks}), else
 * the oldest confirmation of a report that got its 201, else a new gas-leak report as the operator. Every outcome is
 * recorded with its subject; the target can be switched to another node, as a load balancer would.
 */
final class CommandLoad implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    /**
     * A node with this many commands unanswered is saturated: further slots are counted as skipped rather than queued
     * without end, which would only bury it (and the shared store) deeper.
     */
    static final int MAX_IN_FLIGHT = 16;

    private final AtomicReference<String> target;
    private final ExecutorService callbacks = Executors.newFixedThreadPool(4);
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).executor(callbacks).build();
    private final ScheduledExecutorService pacer = Executors.newSingleThreadScheduledExecutor();
    private final Queue<String> toConfirm = new ConcurrentLinkedQueue<>();
    private final Queue<LiaisonDesks.Assignment> toAcknowledge = new ConcurrentLinkedQueue<>();
    private final Queue<Command> outcomes = new ConcurrentLinkedQueue<>();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicLong skipped = new AtomicLong();
    private final AtomicLong slots = new AtomicLong();
    private final AtomicLong reports = new AtomicLong();
    private volatile long startNanos;
    private volatile int perSecond;

    CommandLoad(String baseUrl) {
        this.target = new AtomicReference<>(baseUrl);
    }

    /** Starts sending {@code perSecond} commands a second until {@link #stop()}. */
    void start(int perSecond) {
        this.perSecond = perSecond;
        this.startNanos = System.nanoTime();
        pacer.scheduleAtFixedRate(this::fillSlots, 0, 5, TimeUnit.MILLISECONDS);
    }

    /** How long the load has been running. */
    Duration elapsed() {
        return Duration.ofNanos(System.nanoTime() - startNanos);
    }

    String target() {
        return target.get();
    }

    void retarget(String baseUrl) {
        target.set(baseUrl);
    }

    void acknowledgeLater(LiaisonDesks.Assignment assignment) {
        toAcknowledge.add(assignment);
    }

    int inFlight() {
        return inFlight.get();
    }

    long skipped() {
        return skipped.get();
    }

    /** Stops sending; answers still owed keep being recorded (see {@link #inFlight()}). */
    void stop() throws InterruptedException {
        pacer.shutdownNow();
        pacer.awaitTermination(10, TimeUnit.SECONDS);
    }

    /** How many commands of this kind sent after {@code sinceNanos} were answered 2xx so far. */
    long acknowledged(Command.Kind kind, long sinceNanos) {
        return outcomes.stream().filter(c -> c.kind() == kind && c.sentAtNanos() >= sinceNanos && c.acknowledged())
                .count();
    }

    List<Command> outcomes() {
        return new ArrayList<>(outcomes);
    }

    private void fillSlots() {
        long due = (System.nanoTime() - startNanos) * perSecond / 1_000_000_000L;
        while (slots.get() < due) {
            slots.incrementAndGet();
            if (inFlight.get() >= MAX_IN_FLIGHT) {
                skipped.incrementAndGet();
                continue;
            }
            sendNext();
        }
    }

    private void sendNext() {
        var assignment = toAcknowledge.poll();
        if (assignment != null) {
            send(Command.Kind.ACKNOWLEDGE, assignment.taskId(), assignment.liaison(),
                    "/api/tasks/" + assignment.taskId() + "/acknowledge", null);
            return;
        }
        String incident = toConfirm.poll();
        if (incident != null) {
            send(Command.Kind.CONFIRM, incident, "operator", "/api/incidents/" + incident + "/confirm", null);
            return;
        }
        send(Command.Kind.REPORT, null, "operator", "/api/incidents",
                Reports.gasLeak("Crash drill " + reports.incrementAndGet()));
    }

    private void send(Command.Kind kind, String subject, String user, String path, String body) {
        var request = HttpRequest.newBuilder(URI.create(target.get() + path))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", basic(user))
                .header("Content-Type", "application/json")
                .POST(body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .build();
        long sentAt = System.nanoTime();
        inFlight.incrementAndGet();
        client.sendAsync(request, HttpResponse.BodyHandlers.ofString()).whenComplete((response, failure) -> {
            try {
                int status = failure == null ? response.statusCode() : refused(failure) ? Command.REFUSED : 0;
                String about = subject;
                if (kind == Command.Kind.REPORT && status == 201) {
                    about = idOf(response.body());
                    toConfirm.add(about);
                }
                outcomes.add(new Command(kind, about, status, sentAt));
            } finally {
                inFlight.decrementAndGet();
            }
        });
    }

    /** No node was listening (it was dead or not started yet): the command never reached Beacon. */
    private static boolean refused(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof java.net.ConnectException) {
                return true;
            }
        }
        return false;
    }

    private static String idOf(String body) {
        try {
            return JSON.readTree(body).get("id").asText();
        } catch (java.io.IOException e) {
            throw new IllegalStateException("a 201 without an incident id: " + body, e);
        }
    }

    static String basic(String user) {
        // The demo users' passwords are their names.
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public void close() throws InterruptedException {
        pacer.shutdownNow();
        callbacks.shutdownNow();
    }
}
