package city.beacon.infra.metrics;

import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;

/**
 * What one tracking processor looks like on this node: the position of its slowest held segment (a segment that has
 * processed nothing yet stands at 0), how far that is behind the head, and how many held segments are failing.
 *
 * @param position -1 when this node holds no segment
 * @param lag      -1 when unknown (no segment held, or the head not read yet)
 */
public record ProcessorStatus(boolean running, int claimedSegments, int erroredSegments, long position, long lag) {

    public static ProcessorStatus of(StreamingEventProcessor processor, long head) {
        var statuses = processor.processingStatus().values();
        long position = statuses.stream()
                .mapToLong(status -> status.getCurrentPosition().orElse(0))
                .min().orElse(-1);
        int errored = (int) statuses.stream().filter(EventTrackerStatus::isErrorState).count();
        long lag = position < 0 || head < 0 ? -1 : Math.max(0, head - position);
        return new ProcessorStatus(processor.isRunning() && !processor.isError(), statuses.size(), errored,
                position, lag);
    }
}
