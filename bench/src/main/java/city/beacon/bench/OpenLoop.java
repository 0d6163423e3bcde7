package city.beacon.bench;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntFunction;

/**
 * Requests sent at a fixed rate whatever the answers do, as reports arrive in a city: request i is due at
 * start + i / rate, and a timer sends each one at its instant. A slow answer never delays the next request, and a
 * late request never shifts the ones after it.
 */
final class OpenLoop {
    /** @param answered completes once every request has been answered, exceptionally if any failed */
    record Load(CompletableFuture<Void> answered, AtomicLong latestNanos) {
        /** How far behind its instant the latest request went out: the pacing held if this stays small. */
        double latestMillis() {
            return latestNanos.get() / 1e6;
        }
    }

    private OpenLoop() { }

    /** Sends {@code count} requests at {@code rate} per second; {@code send} sends request i and answers its reply. */
    static Load start(int count, int rate, IntFunction<CompletableFuture<?>> send) {
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(task -> {
            var thread = new Thread(task, "bench-open-loop");
            thread.setDaemon(true);
            return thread;
        });
        @SuppressWarnings("unchecked")
        CompletableFuture<Object>[] replies = new CompletableFuture[count];
        var latest = new AtomicLong();
        long start = System.nanoTime();
        for (int i = 0; i < count; i++) {
            int index = i;
            long due = start + (long) (i * 1e9 / rate);
            replies[i] = new CompletableFuture<>();
            timer.schedule(() -> {
                latest.accumulateAndGet(System.nanoTime() - due, Math::max);
                try {
                    send.apply(index).whenComplete((reply, failure) -> {
                        if (failure != null) {
                            replies[index].completeExceptionally(failure);
                        } else {
                            replies[index].complete(reply);
                        }
                    });
                } catch (RuntimeException e) {
                    replies[index].completeExceptionally(e);
                }
            }, due - System.nanoTime(), TimeUnit.NANOSECONDS);
        }
        timer.shutdown();   // every request is scheduled; the timer still sends them, then ends
        return new Load(CompletableFuture.allOf(replies), latest);
    }
}
