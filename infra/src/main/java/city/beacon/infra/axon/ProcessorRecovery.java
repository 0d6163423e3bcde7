package city.beacon.infra.axon;

import city.beacon.infra.store.StoreConnectivity;
import city.beacon.infra.store.StoreWrites;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Restarts every tracking processor as soon as the driver sees the store again after losing it.
 * <p>
 * Two reasons. A store that went away may have lost a suffix of derived writes (read models, saga state, tokens:
 * they do not wait for the disk, docs/event-store.md), while a processor that kept running would carry on from the
 * position it holds in memory and never re-apply what was lost; a restart makes it resume from its stored token, and
 * the store writes in order, so that token is never ahead of the documents it covers. And a failing processor left
 * alone backs off 1, 2, 4 … 60 s between tries, so after a half-minute outage the read models and the live feed could
 * stand still for up to a minute more. Re-applied events change nothing: projections are idempotent by position.
 * <p>
 * For the second reason the processors that are failing are also restarted when a store that refused writes (its
 * disk full) takes them again; the others lost nothing (a refused write never happened) and carry on undisturbed.
 */
class ProcessorRecovery implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(ProcessorRecovery.class);
    private final EventProcessingConfiguration processing;
    private final ExecutorService executor;
    private final AtomicBoolean lost = new AtomicBoolean();

    ProcessorRecovery(EventProcessingConfiguration processing, StoreConnectivity connectivity, StoreWrites writes) {
        this.processing = processing;
        // Off the driver's monitor thread, which reports the change.
        this.executor = Executors.newSingleThreadExecutor(r -> new Thread(r, "processor-recovery"));
        connectivity.onChange(state -> {
            if (!state.reachable()) {
                lost.set(true);
            } else if (lost.getAndSet(false)) {
                executor.execute(this::restartAll);
            }
        });
        writes.onChange(state -> {
            if (state.accepting()) {
                executor.execute(this::restartFailing);
            }
        });
    }

    void restartAll() {
        processing.eventProcessors().forEach((name, processor) -> {
            if (processor instanceof StreamingEventProcessor streaming && processor.isRunning()) {
                log.info("store back: restarting processor {} from its stored token{}", name,
                        failing(streaming) ? " instead of waiting out its back-off" : "");
                streaming.shutdownAsync().thenRun(streaming::start);
            }
        });
    }

    void restartFailing() {
        processing.eventProcessors().forEach((name, processor) -> {
            if (processor instanceof StreamingEventProcessor streaming && processor.isRunning() && failing(streaming)) {
                log.info("store writes again: restarting processor {} from its stored token instead of waiting out "
                        + "its back-off", name);
                streaming.shutdownAsync().thenRun(streaming::start);
            }
        });
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }

    private static boolean failing(StreamingEventProcessor processor) {
        return processor.isError()
                || processor.processingStatus().values().stream().anyMatch(EventTrackerStatus::isErrorState);
    }
}
