package city.beacon.infra.audit;

import city.beacon.query.support.EventPosition;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.stereotype.Component;

/**
 * Stores a board checkpoint every {@code interval} positions, as the stream passes them. An event delivered here
 * only says how far the stream is complete: every position below the processor's lowest gap has been delivered or
 * given up, so the checkpoints up to there are replayed from the event store itself (with the incident
 * projection's rule), never from what arrived here in whatever order. One segment, one thread (application.yml).
 */
@Component
@ProcessingGroup(BoardCheckpointer.GROUP)
public class BoardCheckpointer {
    public static final String GROUP = "board-checkpoints";
    private final BoardCheckpoints checkpoints;
    private BoardCheckpoints.Checkpoint last;

    public BoardCheckpointer(BoardCheckpoints checkpoints) {
        this.checkpoints = checkpoints;
    }

    @EventHandler
    synchronized void on(Object event, EventMessage<?> message) {
        EventPosition position = EventPosition.of(message);
        if (position == null) {
            return;
        }
        long complete = position.gaps().isEmpty() ? position.position() : position.gaps().first() - 1;
        catchUp(complete);
    }

    /** Stores every checkpoint whose positions are all at or below {@code complete}. */
    public synchronized void catchUp(long complete) {
        long wanted = complete / checkpoints.interval();
        if (last == null || last.number() > wanted) {
            last = checkpoints.atOrBelow(wanted);
        }
        while (last.number() < wanted) {
            last = checkpoints.next(last);
        }
    }

    @ResetHandler
    synchronized void reset() {
        checkpoints.clear();
        last = null;
    }
}
