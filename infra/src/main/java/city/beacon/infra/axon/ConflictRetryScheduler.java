package city.beacon.infra.axon;

import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.gateway.RetryScheduler;
import org.axonframework.modelling.command.ConcurrencyException;

import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * Retries a command only when it lost a race to append to the same aggregate (another node or thread wrote the
 * same sequence number). Business refusals are never retried: repeating them cannot succeed.
 */
class ConflictRetryScheduler implements RetryScheduler {
    private static final long BASE_DELAY_MS = 5;
    private static final long MAX_DELAY_MS = 400;
    private final ScheduledExecutorService executor;
    private final int maxRetries;

    ConflictRetryScheduler(ScheduledExecutorService executor, int maxRetries) {
        this.executor = executor;
        this.maxRetries = maxRetries;
    }

    @Override
    public boolean scheduleRetry(CommandMessage commandMessage, RuntimeException lastFailure,
                                 List<Class<? extends Throwable>[]> failures, Runnable commandDispatch) {
        if (!isConflict(lastFailure) || failures.size() > maxRetries) {
            return false;
        }
        // Exponential backoff with full jitter keeps the losers of one race from colliding again in lockstep.
        long ceiling = Math.min(MAX_DELAY_MS, BASE_DELAY_MS << Math.min(failures.size(), 10));
        long delay = ThreadLocalRandom.current().nextLong(BASE_DELAY_MS, ceiling + 1);
        executor.schedule(commandDispatch, delay, TimeUnit.MILLISECONDS);
        return true;
    }

    private static boolean isConflict(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof ConcurrencyException) {
                return true;
            }
        }
        return false;
    }
}
