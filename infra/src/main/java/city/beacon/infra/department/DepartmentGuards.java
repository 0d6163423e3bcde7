package city.beacon.infra.department;

import city.beacon.api.common.Department;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.timelimiter.TimeLimiter;
import io.github.resilience4j.timelimiter.TimeLimiterRegistry;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Supplier;

/**
 * Resilience4j around one try to reach one department, with instances named by the department code, taken from
 * Resilience4j's registries so that {@code resilience4j.*} properties apply:
 * <ol>
 * <li><b>CircuitBreaker</b> — counts failed and timed-out tries; while open it refuses at once (answered as
 *     {@link WebhookReply.NotSent}), so a dead system is not called for every retry of every notice.</li>
 * <li><b>TimeLimiter</b> — innermost, so it bounds exactly one HTTP exchange and the breaker sees its timeouts.</li>
 * </ol>
 * Retrying is not Resilience4j's here: a department's line ({@link DepartmentLine}) retries its oldest notice with
 * backoff until it is delivered, keeping later notices behind it. One try in flight per department also makes a
 * bulkhead pointless.
 */
final class DepartmentGuards {
    private final CircuitBreakerRegistry breakers;
    private final TimeLimiterRegistry timeLimiters;
    private final String config;
    private final ScheduledExecutorService timers;

    DepartmentGuards(CircuitBreakerRegistry breakers, TimeLimiterRegistry timeLimiters, String config,
                     ScheduledExecutorService timers) {
        this.breakers = breakers;
        this.timeLimiters = timeLimiters;
        this.config = config;
        this.timers = timers;
        // A missing config would otherwise surface only at the first notice, as an undeliverable one.
        requireConfig(breakers.getConfiguration(config).isPresent(), "circuitbreaker");
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

    CircuitBreaker breaker(Department department) {
        return breakers.circuitBreaker(department.code(), config);
    }

    /**
     * One try: completes with the department's final answer or a refusal to send, or exceptionally with why the try
     * failed in a way worth repeating (time limit, connection, 408/429/5xx).
     */
    CompletionStage<WebhookReply> once(Department department, Supplier<CompletionStage<WebhookReply>> attempt) {
        CircuitBreaker breaker = breaker(department);
        Supplier<CompletionStage<WebhookReply>> timed = timeLimiter(department).decorateCompletionStage(timers, attempt);
        Supplier<CompletionStage<WebhookReply>> guarded = CircuitBreaker.decorateCompletionStage(breaker, timed);
        return startSafely(guarded).handle((reply, failure) -> {
            if (failure == null) {
                return reply;
            }
            Throwable cause = FailureReasons.unwrap(failure);
            if (cause instanceof CallNotPermittedException) {
                return new WebhookReply.NotSent("circuit breaker open for " + department.code()
                        + " (its system failed too often recently)");
            }
            throw new CompletionException(cause);
        });
    }

    private TimeLimiter timeLimiter(Department department) {
        return timeLimiters.timeLimiter(department.code(), config);
    }

    /** A supplier that throws would leave the line waiting for an answer that never comes: fail the try instead. */
    private static CompletionStage<WebhookReply> startSafely(Supplier<CompletionStage<WebhookReply>> supplier) {
        try {
            return supplier.get();
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }
}
