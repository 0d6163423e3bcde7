package city.beacon.infra.projection;

import org.axonframework.eventhandling.StreamingEventProcessor;

import java.time.Duration;
import java.time.Instant;

/**
 * A rebuild this node runs: its processor, and what its rate is measured from (the first position this node saw it
 * at). While the switch waits for the frozen live processor's position, {@code frozenThrough} holds it.
 */
final class Rebuild {
    final String group;
    final int generation;
    final StreamingEventProcessor processor;
    final Instant startedAt;
    private volatile Instant baselineAt;
    private volatile long baseline = -1;
    volatile Instant frozenAt;
    volatile long frozenThrough = -1;
    private volatile long done = -1;

    Rebuild(String group, int generation, StreamingEventProcessor processor, Instant startedAt) {
        this.group = group;
        this.generation = generation;
        this.processor = processor;
        this.startedAt = startedAt;
    }

    /**
     * The position every segment has applied through, -1 before that is known. It never goes back: while a segment
     * is between threads (or the processor stops for the switch) the last position seen stands.
     */
    long done(int segments) {
        var statuses = processor.processingStatus().values();
        if (statuses.size() >= segments && segments > 0) {
            long now = statuses.stream().mapToLong(s -> s.getCurrentPosition().orElse(-1)).min().orElse(-1);
            done = Math.max(done, now);
        }
        return done;
    }

    /** Events per second since the first position this node saw it at (its start here, or its resumption). */
    double rate(long done, Instant now) {
        if (baseline < 0) {
            if (done >= 0) {
                baselineAt = now;
                baseline = done;
            }
            return 0;
        }
        double seconds = Duration.between(baselineAt, now).toMillis() / 1000.0;
        return done <= baseline || seconds <= 0 ? 0 : (done - baseline) / seconds;
    }

    static Double eta(long done, long total, double rate) {
        return rate <= 0 ? null : Math.max(0, total - done) / rate;
    }
}
