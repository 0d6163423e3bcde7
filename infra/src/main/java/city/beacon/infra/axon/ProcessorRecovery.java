package city.beacon.infra.axon;

import city.beacon.infra.store.StoreConnectivity;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Restarts the tracking processors that failed while the store was away, as soon as the driver sees it again.
 * Left alone, a failing processor backs off 1, 2, 4 … 60 s between tries, so after a half-minute outage the read
 * models and the live feed could stand still for up to a minute more. A restart resumes from the stored tokens:
 * nothing is skipped or applied twice beyond what idempotent projections absorb.
 */
class ProcessorRecovery implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(ProcessorRecovery.class);
    private final EventProcessingConfiguration processing;
    private final ExecutorService executor;

    ProcessorRecovery(EventProcessingConfiguration processing, StoreConnectivity connectivity) {
        this.processing = processing;
        // Off the driver's monitor thread, which reports the change.
        this.executor = Executors.newSingleThreadExecutor(r -> new Thread(r, "processor-recovery"));
        connectivity.onChange(state -> {
            if (state.reachable()) {
                executor.execute(this::restartFailed);
            }
        });
    }

    void restartFailed() {
        processing.eventProcessors().forEach((name, processor) -> {
            if (processor instanceof StreamingEventProcessor streaming && processor.isRunning() && failing(streaming)) {
                log.info("store back: restarting processor {} instead of waiting out its back-off", name);
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
