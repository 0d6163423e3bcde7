package city.beacon.infra.projection;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Looks after rebuilds once the node is up (its processors started): records progress, switches, resumes a
 * rebuild recorded before a restart or left by a silent node. On shutdown, this node's rebuild processors stop
 * without switching; the registry keeps the rebuild for whichever node starts next.
 */
final class RebuildTicker {
    private static final Logger log = LoggerFactory.getLogger(RebuildTicker.class);
    private final ProjectionRebuilds rebuilds;
    private final Duration every;
    private final ScheduledExecutorService executor =
            Executors.newSingleThreadScheduledExecutor(r -> new Thread(r, "projection-rebuilds"));

    RebuildTicker(ProjectionRebuilds rebuilds, Duration every) {
        this.rebuilds = rebuilds;
        this.every = every;
    }

    @EventListener(ApplicationReadyEvent.class)
    void start() {
        executor.scheduleWithFixedDelay(this::tick, 0, every.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void tick() {
        try {
            rebuilds.tick();
        } catch (RuntimeException e) {
            log.warn("projection rebuilds: {}; trying again in {}", e.toString(), every);
        }
    }

    /** Before the processors stop (a frozen live processor is started again first, then stopped with the rest). */
    @EventListener(ContextClosedEvent.class)
    void close() throws InterruptedException {
        if (executor.isShutdown()) {
            return;
        }
        executor.shutdown();
        executor.awaitTermination(30, TimeUnit.SECONDS);
        rebuilds.close();
    }
}
