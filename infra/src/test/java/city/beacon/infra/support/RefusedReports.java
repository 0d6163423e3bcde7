package city.beacon.infra.support;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;

/** Reports sent while the store cannot take them, and the store status consoles are told meanwhile. */
public final class RefusedReports {
    private RefusedReports() { }

    /**
     * Sends {@code count} reports from {@code threads} clients at once, checks each answer with {@code refused}
     * and answers each one's time in milliseconds, in the order sent.
     */
    public static List<Long> sendAll(Http operator, int count, int threads, String summary,
                                     Consumer<Http.Response> refused) throws Exception {
        var pool = Executors.newFixedThreadPool(threads);
        try {
            List<Callable<Long>> calls = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                int n = i;
                calls.add(() -> {
                    long start = System.nanoTime();
                    var response = operator.post("/api/incidents", Reports.gasLeak(summary + " " + n));
                    long millis = (System.nanoTime() - start) / 1_000_000;
                    refused.accept(response);
                    return millis;
                });
            }
            List<Long> times = new ArrayList<>();
            for (Future<Long> result : pool.invokeAll(calls)) {
                times.add(result.get());
            }
            return times;
        } finally {
            pool.shutdownNow();
        }
    }

    /** Whether a live-feed message is the store status ({@code /topic/status}) saying {@code store}. */
    public static boolean isStoreStatus(JsonNode message, String store) {
        return "/topic/status".equals(message.path("topic").asText())
                && store.equals(message.path("payload").path("store").asText());
    }
}
