package city.beacon.infra.department;

import city.beacon.api.common.Department;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * One department's notices, delivered one at a time in the order they were issued: the oldest is tried until it is
 * settled — delivered, refused for good, or given up at its maximum age — and only then the next, so a later notice
 * never overtakes an earlier one. Failed tries are repeated after {@link RetrySchedule}'s waits, which are timers:
 * no thread waits on the department. Nothing here runs on the thread that issued the notice.
 */
final class DepartmentLine {
    private static final Logger log = LoggerFactory.getLogger(DepartmentLine.class);

    /** Sends one try of a notice and says how it ended. */
    interface Sender {
        CompletionStage<WebhookReply> send(PendingNotice notice);
    }

    /** What to do with a settled notice: record its outcome, forget it. */
    interface Settlement {
        void delivered(PendingNotice notice, int tries);

        void failed(PendingNotice notice, int tries, String reason);
    }

    private final Department department;
    private final Sender sender;
    private final Settlement settlement;
    private final RetrySchedule schedule;
    private final int capacity;
    private final Executor steps;
    private final ScheduledExecutorService timers;
    private final Clock clock;
    private final FailureReasons.Limits limits;

    private final PriorityQueue<PendingNotice> waiting =
            new PriorityQueue<>(Comparator.comparingLong(PendingNotice::sequence));
    private final Set<String> keys = new HashSet<>();
    private boolean started;
    private boolean busy;
    private PendingNotice current;
    private int currentTries;
    private Instant lastSuccessAt;
    private Instant lastFailureAt;
    private String lastFailure;
    private volatile boolean stopped;

    DepartmentLine(Department department, Sender sender, Settlement settlement, RetrySchedule schedule,
                   int capacity, Executor steps, ScheduledExecutorService timers, Clock clock,
                   FailureReasons.Limits limits) {
        this.department = department;
        this.sender = sender;
        this.settlement = settlement;
        this.schedule = schedule;
        this.capacity = capacity;
        this.steps = steps;
        this.timers = timers;
        this.clock = clock;
        this.limits = limits;
    }

    /** @return false if the line is full; a notice already in the line (same key) is accepted without a copy */
    synchronized boolean offer(PendingNotice notice) {
        if (keys.contains(notice.key())) {
            return true;
        }
        if (keys.size() >= capacity) {
            return false;
        }
        keys.add(notice.key());
        waiting.add(notice);
        kick();
        return true;
    }

    /** Starts sending; until then notices only queue, so that ones resumed after a restart can take their place. */
    synchronized void start() {
        started = true;
        kick();
    }

    void stop() {
        stopped = true;
    }

    synchronized Snapshot snapshot() {
        Instant oldest = current != null ? current.issuedAt()
                : waiting.isEmpty() ? null : waiting.peek().issuedAt();
        return new Snapshot(keys.size(), oldest, current == null ? 0 : currentTries, lastSuccessAt, lastFailureAt,
                lastFailure);
    }

    /** Keys in the order they will be sent (for tests and diagnosis). */
    synchronized List<String> pendingKeys() {
        var order = new ArrayList<String>();
        if (current != null) {
            order.add(current.key());
        }
        waiting.stream().sorted(Comparator.comparingLong(PendingNotice::sequence))
                .forEach(notice -> order.add(notice.key()));
        return order;
    }

    /**
     * @param pending          notices not settled yet, the one being tried included
     * @param oldestIssuedAt   when the oldest of them was issued
     * @param triesOfOldest    tries so far of the one at the head of the line
     */
    record Snapshot(int pending, Instant oldestIssuedAt, int triesOfOldest, Instant lastSuccessAt,
                    Instant lastFailureAt, String lastFailure) {
    }

    private void kick() {
        if (started && !busy && !stopped && !waiting.isEmpty()) {
            busy = true;
            current = waiting.poll();
            currentTries = 0;
            step(this::tryCurrent);
        }
    }

    private void tryCurrent() {
        PendingNotice notice;
        synchronized (this) {
            notice = current;
            currentTries++;
        }
        CompletionStage<WebhookReply> reply;
        try {
            reply = sender.send(notice);
        } catch (RuntimeException e) {
            reply = CompletableFuture.failedFuture(e);
        }
        reply.whenComplete((answer, failure) -> step(() -> settleTry(notice, answer, failure)));
    }

    private void settleTry(PendingNotice notice, WebhookReply reply, Throwable failure) {
        int tries;
        synchronized (this) {
            tries = currentTries;
        }
        Instant now = clock.instant();
        if (failure == null && reply instanceof WebhookReply.Answered answer && answer.delivered()) {
            synchronized (this) {
                lastSuccessAt = now;
            }
            settled(notice, () -> settlement.delivered(notice, tries));
            return;
        }
        if (failure == null && reply instanceof WebhookReply.Answered answer) {
            String reason = "refused: HTTP " + answer.status() + FailureReasons.excerpt(answer.body());
            failedTry(now, reason);
            settled(notice, () -> settlement.failed(notice, tries, reason));
            return;
        }
        String reason;
        if (failure != null) {
            reason = FailureReasons.of(failure, limits);
            failedTry(now, reason);
        } else {
            // Not sent (open circuit): the status keeps the last failure that reached the department.
            String before = snapshot().lastFailure();
            reason = ((WebhookReply.NotSent) reply).why() + (before == null ? "" : "; the last try sent failed: "
                    + before);
        }
        Duration age = Duration.between(notice.issuedAt(), now);
        if (age.compareTo(schedule.giveUpAfter()) >= 0) {
            String given = "given up after " + tries + (tries == 1 ? " try" : " tries") + " over "
                    + age.toSeconds() + " s (limit " + schedule.giveUpAfter().toSeconds() + " s); last: " + reason;
            settled(notice, () -> settlement.failed(notice, tries, given));
            return;
        }
        Duration wait = schedule.after(tries);
        log.debug("{}: {} for task {} not delivered ({}); try {} in {} ms", department, notice.notice().kind(),
                notice.notice().taskId(), reason, tries + 1, wait.toMillis());
        if (stopped) {
            return;
        }
        try {
            timers.schedule(() -> step(this::tryCurrent), wait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException stopping) {
            log.debug("{}: notifier stopping; retry not scheduled", department);
        }
    }

    private synchronized void failedTry(Instant now, String reason) {
        lastFailureAt = now;
        lastFailure = reason;
    }

    private void settled(PendingNotice notice, Runnable outcome) {
        try {
            outcome.run();
        } catch (RuntimeException e) {
            log.warn("{}: could not settle {} for task {}", department, notice.notice().kind(),
                    notice.notice().taskId(), e);
        }
        synchronized (this) {
            keys.remove(notice.key());
            current = null;
            busy = false;
            kick();
        }
    }

    private void step(Runnable step) {
        if (stopped) {
            return;
        }
        try {
            steps.execute(step);
        } catch (RejectedExecutionException stopping) {
            log.debug("{}: notifier stopping; step dropped", department);
        }
    }
}
