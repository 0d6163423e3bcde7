package city.beacon.infra.department;

import io.github.resilience4j.bulkhead.BulkheadFullException;

import java.net.ConnectException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;

/** Turns why the last try failed into the sentence an auditor reads in TaskNotificationFailedEvent. */
final class FailureReasons {
    private static final int EXCERPT = 200;

    private FailureReasons() { }

    static String of(Throwable failure, Limits limits) {
        Throwable cause = unwrap(failure);
        if (cause instanceof RetryableReplyException) {
            return cause.getMessage();
        }
        if (cause instanceof TimeoutException || cause instanceof HttpTimeoutException
                && !(cause instanceof HttpConnectTimeoutException)) {
            return "timed out: no answer within the time limit of " + limits.timeLimit().toMillis() + " ms per try";
        }
        if (cause instanceof HttpConnectTimeoutException) {
            return "could not connect within " + limits.connectTimeout().toMillis() + " ms";
        }
        if (cause instanceof ConnectException) {
            return "could not connect: connection refused or host unreachable";
        }
        if (cause instanceof BulkheadFullException) {
            return "not sent: too many deliveries in flight to this department (bulkhead full)";
        }
        return brief(cause);
    }

    static String brief(Throwable cause) {
        if (cause instanceof RetryableReplyException) {
            return cause.getMessage();
        }
        return cause.getClass().getSimpleName() + (cause.getMessage() == null ? "" : ": " + cause.getMessage());
    }

    static String excerpt(String body) {
        if (body == null || body.isBlank()) {
            return "";
        }
        String text = body.strip().replaceAll("\\s+", " ");
        return ": " + (text.length() <= EXCERPT ? text : text.substring(0, EXCERPT) + "…");
    }

    static Throwable unwrap(Throwable failure) {
        Throwable cause = failure;
        while ((cause instanceof CompletionException || cause instanceof ExecutionException) && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause;
    }

    /** The limits a reason quotes. */
    record Limits(Duration timeLimit, Duration connectTimeout) {
    }
}
