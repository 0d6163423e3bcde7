package city.beacon.bench;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Waits for progress the node reports only when asked: read models catching up (the processors hook) and a
 * verification run. The node pushes neither, and the bench drives it from outside without changing it, so a timer asks
 * at a client's pace and the caller waits, bounded, for the answer that shows the work done: the wait ends on that
 * answer, and the timer, not the waiting caller, paces the questions.
 */
final class Progress {
    /** Longer than any single question may take (the API's request timeout is 120 s). */
    private static final long LAST_QUESTION_SECONDS = 130;

    private Progress() { }

    /**
     * Asks now, then {@code every} after each answer, until an answer is {@code done} or {@code seconds} pass; answers
     * the last answer either way (asking once more if none came in time). A question that fails ends the wait with
     * its exception.
     */
    static <T> T await(Supplier<T> ask, Predicate<T> done, Duration every, double seconds)
            throws InterruptedException {
        var finished = new CompletableFuture<T>();
        var last = new AtomicReference<T>();
        // One timer per wait, shut down before returning: an answer's side effects are never read while it is asked.
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(task -> {
            var thread = new Thread(task, "bench-progress");
            thread.setDaemon(true);
            return thread;
        });
        timer.scheduleWithFixedDelay(() -> {
            if (finished.isDone()) {
                return;
            }
            try {
                T answer = ask.get();
                last.set(answer);
                if (done.test(answer)) {
                    finished.complete(answer);
                }
            } catch (RuntimeException e) {
                finished.completeExceptionally(e);
            }
        }, 0, every.toNanos(), TimeUnit.NANOSECONDS);
        try {
            return finished.get((long) (seconds * 1e9), TimeUnit.NANOSECONDS);
        } catch (TimeoutException notDone) {
            stop(timer);
            T answer = last.get();
            return answer != null ? answer : ask.get();
        } catch (ExecutionException e) {
            throw (RuntimeException) e.getCause();
        } finally {
            stop(timer);
        }
    }

    private static void stop(ScheduledExecutorService timer) throws InterruptedException {
        timer.shutdown();   // cancels the next question; one already asked gets its answer
        if (!timer.awaitTermination(LAST_QUESTION_SECONDS, TimeUnit.SECONDS)) {
            timer.shutdownNow();
        }
    }
}
