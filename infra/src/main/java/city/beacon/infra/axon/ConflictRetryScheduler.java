package city.beacon.infra.axon;

import city.beacon.api.common.Delivery;
import city.beacon.infra.store.StoreUnreachableException;
import com.mongodb.MongoSocketException;
import com.mongodb.MongoTimeoutException;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.gateway.RetryScheduler;
import org.axonframework.modelling.command.ConcurrencyException;

import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * Retries a command when it lost a race to append to the same aggregate (another node or thread wrote the same
 * sequence number), and a process manager's command ({@link Delivery#untilStored()}) while the store is away, until
 * it is back. Business refusals are never retried: repeating them cannot succeed. A person's command is not retried
 * on a store outage: it fails fast with a 503.
 */
class ConflictRetryScheduler implements RetryScheduler {
    private static final long BASE_DELAY_MS = 5;
    private static final long MAX_DELAY_MS = 400;
    private static final long OUTAGE_BASE_DELAY_MS = 100;
    private static final long MAX_OUTAGE_DELAY_MS = 5_000;
    /** About a quarter of an hour at the longest delay: past that, an operator's attention is needed anyway. */
    private static final int MAX_OUTAGE_RETRIES = 200;
    private final ScheduledExecutorService executor;
    private final int maxRetries;

    ConflictRetryScheduler(ScheduledExecutorService executor, int maxRetries) {
        this.executor = executor;
        this.maxRetries = maxRetries;
    }

    @Override
    public boolean scheduleRetry(CommandMessage commandMessage, RuntimeException lastFailure,
                                 List<Class<? extends Throwable>[]> failures, Runnable commandDispatch) {
        if (Delivery.isUntilStored(commandMessage.getMetaData()) && isStoreOutage(lastFailure)) {
            if (failures.size() > MAX_OUTAGE_RETRIES) {
                return false;
            }
            long delay = Math.min(MAX_OUTAGE_DELAY_MS, OUTAGE_BASE_DELAY_MS << Math.min(failures.size(), 10));
            executor.schedule(commandDispatch, delay, TimeUnit.MILLISECONDS);
            return true;
        }
        if (!isConflict(lastFailure) || failures.size() > maxRetries) {
            return false;
        }
        // Exponential backoff with full jitter keeps the losers of one race from colliding again in lockstep.
        long ceiling = Math.min(MAX_DELAY_MS, BASE_DELAY_MS << Math.min(failures.size(), 10));
        long delay = ThreadLocalRandom.current().nextLong(BASE_DELAY_MS, ceiling + 1);
        executor.schedule(commandDispatch, delay, TimeUnit.MILLISECONDS);
        return true;
    }

    private static boolean isStoreOutage(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof StoreUnreachableException || t instanceof MongoSocketException
                    || t instanceof MongoTimeoutException) {
                return true;
            }
        }
        return false;
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
