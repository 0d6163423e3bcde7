package city.beacon.infra.benchhook;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventsourcing.eventstore.EventStore;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;

/**
 * Pauses, fast-forwards and resets Beacon's streaming processors through Axon's public API only, so the bench measures
 * whatever the processors do inside without knowing how they do it. "Replayable" processors are the read models: every
 * processor that supports a reset, except those named in {@code notReplayed} (the live relays, which would push
 * history to consoles).
 */
final class ProcessorControl {
    private final EventProcessingConfiguration processing;
    private final TokenStore tokenStore;
    private final EventStore eventStore;
    private final Set<String> notReplayed;

    ProcessorControl(EventProcessingConfiguration processing, TokenStore tokenStore, EventStore eventStore,
                     Set<String> notReplayed) {
        this.processing = processing;
        this.tokenStore = tokenStore;
        this.eventStore = eventStore;
        this.notReplayed = notReplayed;
    }

    record ProcessorStatus(String name, boolean replayable, int segments, int claimed, long position) {
    }

    record Status(long head, boolean caughtUp, List<ProcessorStatus> processors) {
    }

    long head() {
        return eventStore.createHeadToken().position().orElse(-1);
    }

    void pauseAll() {
        streaming().values().forEach(p -> p.shutdownAsync().join());
    }

    /**
     * After history was written with every processor paused: processes that act on events (sagas, relays) skip it, as
     * if they had handled it long ago; read models are left to catch up from where they were.
     */
    void skipHistoryAndStart() {
        TrackingToken head = eventStore.createHeadToken();
        streaming().forEach((name, processor) -> {
            if (!replayable(processor)) {
                for (int segment : tokenStore.fetchSegments(name)) {
                    tokenStore.storeToken(head, name, segment);
                    tokenStore.releaseClaim(name, segment);
                }
            }
        });
        streaming().values().forEach(StreamingEventProcessor::start);
    }

    /**
     * Resets every read model and starts rebuilding it from the first event; returns the head to reach. All stop
     * together, then all start: stopped one after the other, the last ones began their rebuild seconds late (each stop
     * waits for its worker), and that wait was counted as replay time.
     */
    long replay() {
        long head = head();
        var replayed = streaming().values().stream().filter(this::replayable).toList();
        CompletableFuture.allOf(replayed.stream().map(StreamingEventProcessor::shutdownAsync)
                .toArray(CompletableFuture[]::new)).join();
        replayed.forEach(StreamingEventProcessor::resetTokens);
        replayed.forEach(StreamingEventProcessor::start);
        return head;
    }

    /** Where each processor is; caught up when every read model's every segment is claimed and at or past target. */
    Status status(long target) {
        long head = target >= 0 ? target : head();
        List<ProcessorStatus> statuses = new ArrayList<>();
        boolean caughtUp = true;
        for (var entry : streaming().entrySet()) {
            var processor = entry.getValue();
            int segments = tokenStore.fetchSegments(entry.getKey()).length;
            Map<Integer, EventTrackerStatus> claimed = processor.processingStatus();
            long position = claimed.values().stream()
                    .mapToLong(s -> s.getCurrentPosition().orElse(-1)).min().orElse(-1);
            boolean replayable = replayable(processor);
            statuses.add(new ProcessorStatus(entry.getKey(), replayable, segments, claimed.size(), position));
            if (replayable && (claimed.size() < segments || position < head)) {
                caughtUp = false;
            }
        }
        return new Status(head, caughtUp, statuses);
    }

    private boolean replayable(StreamingEventProcessor processor) {
        return processor.supportsReset() && !notReplayed.contains(processor.getName());
    }

    private Map<String, StreamingEventProcessor> streaming() {
        Map<String, StreamingEventProcessor> result = new TreeMap<>();
        processing.eventProcessors().forEach((name, processor) -> {
            if (processor instanceof StreamingEventProcessor streaming) {
                result.put(name, streaming);
            }
        });
        return result;
    }
}
