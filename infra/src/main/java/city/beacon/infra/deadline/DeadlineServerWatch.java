package city.beacon.infra.deadline;

import city.beacon.infra.store.StoreConnectivity;
import city.beacon.infra.store.StoreWrites;
import org.jobrunr.server.BackgroundJobServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;

/**
 * Keeps acknowledgment deadlines firing across a store outage. JobRunr's background server gives up for good after
 * a run of storage errors ("An unrecoverable error occurred. Shutting down BackgroundJobServer"), and no deadline
 * would fire on this node again until a restart. When the store is reachable again, or takes writes again after
 * refusing them (its disk full), a stopped server is started.
 * As {@code deadlines} health (in readiness) it is DOWN while the server is not running.
 */
class DeadlineServerWatch implements HealthIndicator, AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(DeadlineServerWatch.class);
    private final Supplier<BackgroundJobServer> server;
    private final ExecutorService executor = Executors.newSingleThreadExecutor(r -> new Thread(r, "deadline-watch"));

    /** @param server the node's deadline server, or null from the supplier when this node runs none */
    DeadlineServerWatch(Supplier<BackgroundJobServer> server, StoreConnectivity connectivity, StoreWrites writes) {
        this.server = server;
        connectivity.onChange(state -> {
            if (state.reachable()) {
                executor.execute(this::restartIfStopped);
            }
        });
        writes.onChange(state -> {
            if (state.accepting()) {
                executor.execute(this::restartIfStopped);
            }
        });
    }

    void restartIfStopped() {
        BackgroundJobServer jobs = server.get();
        if (jobs != null && !jobs.isRunning()) {
            log.info("store back: starting the deadline server JobRunr stopped during the outage");
            try {
                // Its announcement outlived it (the store was gone when it stopped); announcing again under the
                // same id would fail on the duplicate and stop the server once more.
                jobs.getStorageProvider().signalBackgroundJobServerStopped(jobs.getServerStatus());
            } catch (RuntimeException stillThereOrGone) {
                log.debug("no stale announcement to remove: {}", stillThereOrGone.toString());
            }
            jobs.start();
        }
    }

    @Override
    public Health health() {
        BackgroundJobServer jobs = server.get();
        if (jobs == null) {
            return Health.up().withDetail("server", "none on this node").build();
        }
        return jobs.isRunning() ? Health.up().build()
                : Health.down().withDetail("reason", "JobRunr's background server is stopped: no deadline fires on "
                + "this node").build();
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
