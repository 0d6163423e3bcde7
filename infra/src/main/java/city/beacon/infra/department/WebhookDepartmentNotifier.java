package city.beacon.infra.department;

import city.beacon.web.department.DepartmentLinks;
import city.beacon.web.department.DepartmentStatus;
import city.beacon.api.common.Department;
import city.beacon.saga.notify.DepartmentNotifier;
import city.beacon.saga.notify.TaskNotice;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.URI;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Notifies departments' own systems by webhook (DESIGN §6, docs/department-integration.md). {@link #notify} keeps
 * the notice in the outbox ({@link PendingNotices}, a short write to Beacon's own store) and puts it in its
 * department's line ({@link DepartmentLine}); it never waits on a department, so neither a saga's processor thread
 * nor an operator's request does. Each department's line delivers in issue order and retries with backoff until
 * the notice is delivered, refused, or too old; its outcome goes to {@link NotificationOutcomes}, once per notice.
 * Notices still pending when Beacon stops are resumed from the outbox at the next start.
 */
public class WebhookDepartmentNotifier implements DepartmentNotifier, DepartmentLinks, AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(WebhookDepartmentNotifier.class);

    private final DepartmentConnections connections;
    private final WebhookClient client;
    private final DepartmentGuards guards;
    private final NotificationOutcomes outcomes;
    private final PendingNotices outbox;
    private final Settings settings;
    private final ExecutorService steps;
    private final ScheduledExecutorService timers;
    private final Clock clock;
    private final Map<Department, DepartmentLine> lines = new ConcurrentHashMap<>();
    private final AtomicLong sequence;
    private volatile boolean resumed;
    private volatile boolean closed;

    /**
     * @param schedule       retry waits and the age at which a notice is given up
     * @param capacity       notices one department's line holds; past it a notice is recorded as failed at once
     * @param connectTimeout quoted in failure reasons
     */
    record Settings(RetrySchedule schedule, int capacity, java.time.Duration connectTimeout) {
    }

    WebhookDepartmentNotifier(DepartmentConnections connections, WebhookClient client, DepartmentGuards guards,
                              NotificationOutcomes outcomes, PendingNotices outbox, Settings settings,
                              ExecutorService steps, ScheduledExecutorService timers, Clock clock) {
        this.connections = connections;
        this.client = client;
        this.guards = guards;
        this.outcomes = outcomes;
        this.outbox = outbox;
        this.settings = settings;
        this.steps = steps;
        this.timers = timers;
        this.clock = clock;
        // Issue order across restarts: later starts begin above anything issued before (clock millis × 1000).
        this.sequence = new AtomicLong(clock.millis() * 1000);
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
        if (closed) {
            log.info("notifier stopped; {} for task {} is not sent", notice.kind(), notice.taskId());
            return;
        }
        var keyed = notice.idempotencyKey() != null ? notice : withKey(notice, UUID.randomUUID().toString());
        var pending = new PendingNotice(keyed, webhook.get(), clock.instant(), sequence.incrementAndGet());
        try {
            outbox.add(pending);
        } catch (RuntimeException e) {
            // Still delivered from memory; only a restart before delivery would lose it (the deadline then escalates).
            log.warn("could not keep {} for task {} in the outbox: {}", notice.kind(), notice.taskId(), e.toString());
        }
        admit(pending);
    }

    /** Resumes what the outbox still holds from before, in issue order, then lets every line send. */
    public void resume() {
        if (resumed) {
            return;
        }
        List<PendingNotice> kept;
        try {
            kept = new ArrayList<>(outbox.all());
        } catch (RuntimeException e) {
            log.warn("could not read pending department notices; those from before this start are not resumed: {}",
                    e.toString());
            kept = new ArrayList<>();
        }
        kept.sort(Comparator.comparingLong(PendingNotice::sequence));
        long highest = kept.isEmpty() ? 0 : kept.get(kept.size() - 1).sequence();
        sequence.accumulateAndGet(highest, Math::max);
        if (!kept.isEmpty()) {
            log.info("resuming {} department notices not delivered before this start", kept.size());
        }
        kept.forEach(this::readmit);
        resumed = true;
        lines.values().forEach(DepartmentLine::start);
    }

    /** To where the department's system is now: its webhook may have been corrected before the restart. */
    private void readmit(PendingNotice kept) {
        var notice = kept.notice();
        var webhook = connections.of(notice.department()).flatMap(connection -> connection.recipientFor(notice.kind()));
        if (webhook.isEmpty()) {
            log.info("{} no longer has a system of its own; {} for task {} is dropped", notice.department(),
                    notice.kind(), notice.taskId());
            settle(kept, () -> outcomes.failed(notice, recipient(kept), 0,
                    "not sent: " + notice.department() + " no longer has a system of its own"));
            return;
        }
        admit(new PendingNotice(notice, webhook.get(), kept.issuedAt(), kept.sequence()));
    }

    private void admit(PendingNotice pending) {
        var line = line(pending.notice().department());
        if (!line.offer(pending)) {
            String reason = "not sent: " + pending.notice().department() + "'s line is full ("
                    + settings.capacity() + " notices waiting for its system)";
            log.warn("{} for task {}: {}", pending.notice().kind(), pending.notice().taskId(), reason);
            try {
                steps.execute(() -> settle(pending, () -> outcomes.failed(pending.notice(), recipient(pending), 0,
                        reason)));
            } catch (RejectedExecutionException stopping) {
                log.warn("notifier stopped; outcome of {} for task {} not recorded", pending.notice().kind(),
                        pending.notice().taskId());
            }
        }
    }

    private DepartmentLine line(Department department) {
        return lines.computeIfAbsent(department, this::newLine);
    }

    private DepartmentLine newLine(Department department) {
        var limits = new FailureReasons.Limits(guards.timeLimit(department), settings.connectTimeout());
        var settlement = new DepartmentLine.Settlement() {
            @Override
            public void delivered(PendingNotice notice, int tries) {
                settle(notice, () -> outcomes.delivered(notice.notice(), recipient(notice), tries));
            }

            @Override
            public void failed(PendingNotice notice, int tries, String reason) {
                settle(notice, () -> outcomes.failed(notice.notice(), recipient(notice), tries, reason));
            }
        };
        DepartmentLine.Sender sender = notice -> guards.once(department,
                () -> client.send(client.request(notice.notice(), notice.webhook(), limits.timeLimit())));
        var line = new DepartmentLine(department, sender, settlement, settings.schedule(), settings.capacity(),
                steps, timers, clock, limits);
        if (resumed) {
            line.start();
        }
        return line;
    }

    private void settle(PendingNotice notice, Runnable outcome) {
        if (closed) {
            return;   // stays in the outbox: resumed at the next start
        }
        try {
            outcome.run();
        } catch (RuntimeException e) {
            log.warn("could not record the outcome of {} for task {}", notice.notice().kind(),
                    notice.notice().taskId(), e);
        }
        try {
            outbox.remove(notice.key());
        } catch (RuntimeException e) {
            // Sent again after a restart, with the same key: the department drops the repeat.
            log.warn("could not remove settled notice {} from the outbox: {}", notice.key(), e.toString());
        }
    }

    /** Every department Beacon knows of or has a system for, with its line and circuit. */
    @Override
    public List<DepartmentStatus> departments() {
        var known = new TreeMap<String, Department>();
        Department.STANDARD.forEach(department -> known.put(department.code(), department));
        connections.departments().forEach(department -> known.put(department.code(), department));
        lines.keySet().forEach(department -> known.put(department.code(), department));
        var statuses = new ArrayList<DepartmentStatus>();
        for (var department : known.values()) {
            var connection = connections.of(department);
            boolean hasSystem = connection.flatMap(c -> Optional.ofNullable(c.webhookUrl())).isPresent();
            var line = lines.get(department);
            var snapshot = line == null ? null : line.snapshot();
            String circuit = hasSystem || line != null ? guards.breaker(department).getState().name() : null;
            statuses.add(status(department, hasSystem, circuit, snapshot));
        }
        return statuses;
    }

    private static DepartmentStatus status(Department department, boolean hasSystem, String circuit,
                                           DepartmentLine.Snapshot line) {
        if (line == null) {
            return new DepartmentStatus(department.code(), hasSystem, circuit, 0, null, 0, null, null, null);
        }
        return new DepartmentStatus(department.code(), hasSystem, circuit, line.pending(), line.oldestIssuedAt(),
                line.triesOfOldest(), line.lastSuccessAt(), line.lastFailureAt(), line.lastFailure());
    }

    /** Notices waiting for one department's system, the one being tried included. */
    int pendingOf(Department department) {
        var line = lines.get(department);
        return line == null ? 0 : line.snapshot().pending();
    }

    /** Keys still to be delivered to one department, in the order they will be sent. */
    List<String> pendingKeys(Department department) {
        var line = lines.get(department);
        return line == null ? List.of() : line.pendingKeys();
    }

    private static TaskNotice withKey(TaskNotice notice, String key) {
        return new TaskNotice(notice.kind(), notice.taskId(), notice.incidentId(), notice.department(),
                notice.action(), notice.priority(), notice.acknowledgeBy(), key);
    }

    private static String recipient(PendingNotice notice) {
        return recipient(notice.webhook());
    }

    /** What the audit trail names as recipient: the URL without credentials or query, which may hold secrets. */
    static String recipient(URI webhook) {
        return webhook.getScheme() + "://" + webhook.getHost() + (webhook.getPort() < 0 ? "" : ":" + webhook.getPort())
                + (webhook.getRawPath() == null ? "" : webhook.getRawPath());
    }

    /**
     * Stops with the application context. Notices not yet settled stay in the outbox and are resumed at the next
     * start; a try in flight may reach its department and be sent again then, with the same idempotency key.
     */
    @Override
    public void close() {
        closed = true;
        lines.values().forEach(DepartmentLine::stop);
        timers.shutdownNow();
        steps.shutdown();
        try {
            if (!steps.awaitTermination(2, TimeUnit.SECONDS)) {
                steps.shutdownNow();
            }
        } catch (InterruptedException e) {
            steps.shutdownNow();
            Thread.currentThread().interrupt();
        }
        int pending = lines.values().stream().mapToInt(line -> line.snapshot().pending()).sum();
        if (pending > 0) {
            log.info("notifier stopped with {} department notices pending; they are resumed at the next start",
                    pending);
        }
    }
}
