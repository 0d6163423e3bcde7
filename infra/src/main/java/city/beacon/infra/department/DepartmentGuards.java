package city.beacon.infra.department;

import city.beacon.api.common.Department;
import io.github.resilience4j.bulkhead.Bulkhead;
import io.github.resilience4j.bulkhead.BulkheadRegistry;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryRegistry;
import io.github.resilience4j.timelimiter.TimeLimiter;
import io.github.resilience4j.timelimiter.TimeLimiterRegistry;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * Resilience4j around every try to reach one department, with instances named by the department code, taken from
 * Resilience4j's registries so that {@code resilience4j.*} properties apply. The nesting, outermost first:
 * <ol>
 * <li><b>Retry</b> — each try passes everything below afresh, and waiting between tries holds nothing.</li>
 * <li><b>Bulkhead</b> — at most N tries in flight per department; a full bulkhead fails the try at once (max wait
 *     0) into the retry instead of queueing. It sits outside the circuit breaker so that load shed here is not
 *     counted as the department failing.</li>
 * <li><b>CircuitBreaker</b> — counts failed and timed-out tries; while open it refuses at once, and that refusal
 *     ends the delivery (it is answered, not thrown, so the retry does not repeat it pointlessly).</li>
 * <li><b>TimeLimiter</b> — innermost, so it bounds exactly one HTTP exchange and the breaker sees its timeouts.</li>
 * </ol>
 */
final class DepartmentGuards {
    private final RetryRegistry retries;
    private final CircuitBreakerRegistry breakers;
    private final BulkheadRegistry bulkheads;
    private final TimeLimiterRegistry timeLimiters;
    private final String config;
    private final ScheduledExecutorService timers;

    DepartmentGuards(RetryRegistry retries, CircuitBreakerRegistry breakers, BulkheadRegistry bulkheads,
                     TimeLimiterRegistry timeLimiters, String config, ScheduledExecutorService timers) {
        this.retries = retries;
        this.breakers = breakers;
        this.bulkheads = bulkheads;
        this.timeLimiters = timeLimiters;
        this.config = config;
        this.timers = timers;
        // A missing config would otherwise surface only at the first notice, as an undeliverable one.
        requireConfig(retries.getConfiguration(config).isPresent(), "retry");
        requireConfig(breakers.getConfiguration(config).isPresent(), "circuitbreaker");
        requireConfig(bulkheads.getConfiguration(config).isPresent(), "bulkhead");
        requireConfig(timeLimiters.getConfiguration(config).isPresent(), "timelimiter");
    }

    private void requireConfig(boolean present, String module) {
        if (!present) {
            throw new IllegalStateException("resilience4j." + module + ".configs." + config
                    + " is missing; departments' guards are built from it (beacon.department-notifier.resilience-config)");
        }
    }

    Duration timeLimit(Department department) {
        return timeLimiter(department).getTimeLimiterConfig().getTimeoutDuration();
    }

    /** Runs {@code attempt} until it answers, a non-retryable refusal ends it, or the retry gives up. */
    CompletionStage<WebhookReply> call(Department department, Supplier<CompletionStage<WebhookReply>> attempt,
                                       Tries tries) {
        String name = department.code();
        TimeLimiter timeLimiter = timeLimiter(department);
        CircuitBreaker breaker = breakers.circuitBreaker(name, config);
        Bulkhead bulkhead = bulkheads.bulkhead(name, config);
        Retry retry = retries.retry(name, config);

        Supplier<CompletionStage<WebhookReply>> timed = timeLimiter.decorateCompletionStage(timers, attempt);
        Supplier<CompletionStage<WebhookReply>> guarded =
                Bulkhead.decorateCompletionStage(bulkhead, CircuitBreaker.decorateCompletionStage(breaker, timed));
        Supplier<CompletionStage<WebhookReply>> oneTry = () -> {
            tries.count.incrementAndGet();
            return startSafely(guarded).handle((reply, failure) -> {
                if (failure == null) {
                    return reply;
                }
                Throwable cause = FailureReasons.unwrap(failure);
                if (cause instanceof CallNotPermittedException) {
                    return new WebhookReply.NotSent("circuit breaker open for " + name
                            + " (its system failed too often recently)" + tries.earlier());
                }
                tries.last = cause;
                throw new CompletionException(cause);
            });
        };
        return Retry.decorateCompletionStage(retry, timers, oneTry).get();
    }

    private TimeLimiter timeLimiter(Department department) {
        return timeLimiters.timeLimiter(department.code(), config);
    }

    /** A supplier that throws would escape a scheduled retry and leave the delivery hanging: fail the try instead. */
    private static CompletionStage<WebhookReply> startSafely(Supplier<CompletionStage<WebhookReply>> supplier) {
        try {
            return supplier.get();
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    /** What happened so far to one delivery: how many tries, and why the latest failed one failed. */
    static final class Tries {
        private final AtomicInteger count = new AtomicInteger();
        private volatile Throwable last;

        int count() {
            return count.get();
        }

        private String earlier() {
            Throwable failure = last;
            return failure == null ? "" : "; the try before failed with " + FailureReasons.brief(failure);
        }
    }
}
