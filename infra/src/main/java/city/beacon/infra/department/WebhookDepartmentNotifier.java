package city.beacon.infra.department;

import city.beacon.saga.notify.DepartmentNotifier;
import city.beacon.saga.notify.TaskNotice;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Notifies departments' own systems by webhook (DESIGN §6). {@link #notify} only looks up the department and hands
 * the notice to a bounded executor, so a saga's processor thread or an operator's request never waits on a
 * department. Tries are asynchronous and guarded per department ({@link DepartmentGuards}); no thread waits on the
 * network or sleeps between tries. The outcome goes to {@link NotificationOutcomes}, once per notice.
 */
public class WebhookDepartmentNotifier implements DepartmentNotifier, AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(WebhookDepartmentNotifier.class);

    private final DepartmentConnections connections;
    private final WebhookClient client;
    private final DepartmentGuards guards;
    private final NotificationOutcomes outcomes;
    private final ThreadPoolExecutor deliveries;
    private final ScheduledExecutorService timers;
    private final Duration connectTimeout;
    private final AtomicInteger unfinished = new AtomicInteger();
    private volatile boolean closed;

    WebhookDepartmentNotifier(DepartmentConnections connections, WebhookClient client, DepartmentGuards guards,
                              NotificationOutcomes outcomes, ThreadPoolExecutor deliveries,
                              ScheduledExecutorService timers, Duration connectTimeout) {
        this.connections = connections;
        this.client = client;
        this.guards = guards;
        this.outcomes = outcomes;
        this.deliveries = deliveries;
        this.timers = timers;
        this.connectTimeout = connectTimeout;
    }

    @Override
    public void notify(TaskNotice notice) {
        Optional<URI> webhook = connections.of(notice.department())
                .flatMap(connection -> connection.recipientFor(notice.kind()));
        if (webhook.isEmpty()) {
            log.debug("{} has no system of its own; {} for task {} shows in Beacon's console only",
                    notice.department(), notice.kind(), notice.taskId());
            return;
        }
        String recipient = recipient(webhook.get());
        if (closed) {
            log.info("notifier stopped; {} for task {} to {} is not sent", notice.kind(), notice.taskId(), recipient);
            return;
        }
        unfinished.incrementAndGet();
        try {
            deliveries.execute(() -> deliver(notice, webhook.get(), recipient));
        } catch (RejectedExecutionException full) {
            log.warn("notifier queue full; {} for task {} to {} is not sent", notice.kind(), notice.taskId(), recipient);
            // Still off the caller's thread: recording the failure is a command, and the caller must not wait for it.
            String reason = "not sent: Beacon's notifier was overloaded (" + deliveries.getQueue().size()
                    + " notices waiting)";
            try {
                timers.execute(() -> record(notice, () -> outcomes.failed(notice, recipient, 0, reason)));
            } catch (RejectedExecutionException closing) {
                unfinished.decrementAndGet();
                log.warn("notifier stopped; outcome of {} for task {} not recorded", notice.kind(), notice.taskId());
            }
        }
    }

    private void deliver(TaskNotice notice, URI webhook, String recipient) {
        var tries = new DepartmentGuards.Tries();
        try {
            var limits = new FailureReasons.Limits(guards.timeLimit(notice.department()), connectTimeout);
            HttpRequest request = client.request(notice, webhook, UUID.randomUUID().toString(), limits.timeLimit());
            guards.call(notice.department(), () -> client.send(request), tries)
                    .whenComplete((reply, failure) -> onDeliveryThread(() -> record(notice,
                            () -> report(notice, recipient, tries.count(), reply, failure, limits))));
        } catch (RuntimeException e) {
            String reason = "not sent: " + FailureReasons.brief(e);
            record(notice, () -> outcomes.failed(notice, recipient, tries.count(), reason));
        }
    }

    private void report(TaskNotice notice, String recipient, int attempts, WebhookReply reply, Throwable failure,
                        FailureReasons.Limits limits) {
        if (failure != null) {
            outcomes.failed(notice, recipient, attempts, FailureReasons.of(failure, limits));
        } else if (reply instanceof WebhookReply.Answered answer && answer.delivered()) {
            outcomes.delivered(notice, recipient, attempts);
        } else if (reply instanceof WebhookReply.Answered answer) {
            outcomes.failed(notice, recipient, attempts,
                    "refused: HTTP " + answer.status() + FailureReasons.excerpt(answer.body()));
        } else {
            outcomes.failed(notice, recipient, attempts, ((WebhookReply.NotSent) reply).why());
        }
    }

    /** Recording an outcome dispatches a command: keep it off HttpClient's and the timers' threads when possible. */
    private void onDeliveryThread(Runnable step) {
        try {
            deliveries.execute(step);
        } catch (RejectedExecutionException full) {
            step.run();   // already on a background thread; never an operator's
        }
    }

    private void record(TaskNotice notice, Runnable outcome) {
        unfinished.decrementAndGet();
        if (closed) {
            log.info("notifier stopped; outcome of {} for task {} not recorded", notice.kind(), notice.taskId());
            return;
        }
        try {
            outcome.run();
        } catch (RuntimeException e) {
            log.warn("could not record the outcome of {} for task {}", notice.kind(), notice.taskId(), e);
        }
    }

    /** What the audit trail names as recipient: the URL without credentials or query, which may hold secrets. */
    static String recipient(URI webhook) {
        return webhook.getScheme() + "://" + webhook.getHost() + (webhook.getPort() < 0 ? "" : ":" + webhook.getPort())
                + (webhook.getRawPath() == null ? "" : webhook.getRawPath());
    }

    /**
     * Stops with the application context. Deliveries still waiting for a retry are abandoned without an outcome;
     * their tasks' acknowledgment deadlines still escalate them.
     */
    @Override
    public void close() {
        closed = true;
        deliveries.shutdown();
        timers.shutdownNow();
        try {
            if (!deliveries.awaitTermination(2, TimeUnit.SECONDS)) {
                deliveries.shutdownNow();
            }
        } catch (InterruptedException e) {
            deliveries.shutdownNow();
            Thread.currentThread().interrupt();
        }
        int abandoned = unfinished.get();
        if (abandoned > 0) {
            log.warn("notifier stopped with {} deliveries unfinished; their outcomes are not recorded", abandoned);
        }
    }
}
