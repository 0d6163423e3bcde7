package city.beacon.infra.fault;

import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Liaisons watching their department's queue ({@code GET /api/tasks?status=REQUESTED}) a few times a second and
 * handing each task they have not seen yet to the load generator to acknowledge. A queue read that fails (the node
 * is gone) is simply tried again on the next round.
 */
final class LiaisonDesks implements AutoCloseable {
    record Assignment(String taskId, String liaison) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).build();
    private final ScheduledExecutorService rounds = Executors.newSingleThreadScheduledExecutor();
    private final Set<String> seen = ConcurrentHashMap.newKeySet();
    private final Supplier<String> target;
    private final Consumer<Assignment> acknowledge;

    LiaisonDesks(Supplier<String> target, Consumer<Assignment> acknowledge) {
        this.target = target;
        this.acknowledge = acknowledge;
    }

    /** Starts a round over every liaison's queue every {@code interval}. */
    LiaisonDesks watch(List<String> liaisons, Duration interval) {
        rounds.scheduleWithFixedDelay(() -> liaisons.forEach(this::readQueue), 0, interval.toMillis(),
                TimeUnit.MILLISECONDS);
        return this;
    }

    private void readQueue(String liaison) {
        var request = HttpRequest.newBuilder(URI.create(target.get() + "/api/tasks?status=REQUESTED"))
                .timeout(Duration.ofSeconds(10)).header("Authorization", CommandLoad.basic(liaison)).GET().build();
        try {
            var response = client.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                return;
            }
            for (var task : JSON.readTree(response.body())) {
                String id = task.get("id").asText();
                if (seen.add(id)) {
                    acknowledge.accept(new Assignment(id, liaison));
                }
            }
        } catch (IOException unreachable) {
            // the node is down or restarting: the next round reads the queue again
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        rounds.shutdownNow();
    }
}
