package city.beacon.query.board;

import city.beacon.api.board.BoardRowView;
import city.beacon.api.board.FindBoardQuery;
import city.beacon.api.incident.*;
import city.beacon.api.task.*;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.function.UnaryOperator;

/** The command center's board of active incidents, with their tasks counted by state. */
@Component
@ProcessingGroup(BoardProjection.GROUP)
public class BoardProjection {
    public static final String GROUP = "incident-board";
    private final BoardStore store;
    private final Clock clock;

    public BoardProjection(BoardStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    @EventHandler
    void on(IncidentReportedEvent e, @SequenceNumber long seq) {
        var id = e.incidentId().value();
        if (store.find(id) == null && !store.isArchived(id)) {
            store.save(BoardEntry.reported(e, seq));
        }
    }

    @EventHandler
    void on(IncidentConfirmedEvent e, @SequenceNumber long seq) {
        incident(e.incidentId(), seq, row -> row.withStatus(IncidentStatus.CONFIRMED, e.confirmedAt(), seq));
    }

    @EventHandler
    void on(IncidentReclassifiedEvent e, @SequenceNumber long seq) {
        incident(e.incidentId(), seq, row -> row.reclassified(e, seq));
    }

    @EventHandler
    void on(IncidentLocationUpdatedEvent e, @SequenceNumber long seq) {
        incident(e.incidentId(), seq, row -> row.relocated(e.location(), e.updatedAt(), seq));
    }

    @EventHandler
    void on(IncidentResponseStartedEvent e, @SequenceNumber long seq) {
        incident(e.incidentId(), seq, row -> row.withStatus(IncidentStatus.RESPONDING, e.startedAt(), seq));
    }

    @EventHandler
    void on(IncidentContainedEvent e, @SequenceNumber long seq) {
        incident(e.incidentId(), seq, row -> row.withStatus(IncidentStatus.CONTAINED, e.containedAt(), seq));
    }

    @EventHandler
    void on(IncidentResolvedEvent e, @SequenceNumber long seq) {
        incident(e.incidentId(), seq, row -> row.withStatus(IncidentStatus.RESOLVED, e.resolvedAt(), seq));
    }

    @EventHandler
    void on(IncidentClosedEvent e, @SequenceNumber long seq) {
        end(e.incidentId(), IncidentStatus.CLOSED, e.closedAt(), seq);
    }

    @EventHandler
    void on(IncidentCancelledEvent e, @SequenceNumber long seq) {
        end(e.incidentId(), IncidentStatus.CANCELLED, e.cancelledAt(), seq);
    }

    @EventHandler
    void on(IncidentMergedEvent e, @SequenceNumber long seq) {
        end(e.incidentId(), IncidentStatus.MERGED, e.mergedAt(), seq);
    }

    @EventHandler
    void on(TaskRequestedEvent e, @SequenceNumber long seq) {
        task(e.incidentId(), e.taskId(), seq, e.requestedAt(), ignored -> new BoardEntry.TaskEntry(e.taskId().value(),
                e.department().code(), TaskStatus.REQUESTED, 0, e.acknowledgeBy(), seq));
    }

    @EventHandler
    void on(TaskAcknowledgedEvent e, @SequenceNumber long seq) {
        taskStatus(e.incidentId(), e.taskId(), seq, e.acknowledgedAt(), TaskStatus.ACKNOWLEDGED);
    }

    @EventHandler
    void on(TaskDeclinedEvent e, @SequenceNumber long seq) {
        taskStatus(e.incidentId(), e.taskId(), seq, e.declinedAt(), TaskStatus.DECLINED);
    }

    @EventHandler
    void on(TaskProgressReportedEvent e, @SequenceNumber long seq) {
        taskStatus(e.incidentId(), e.taskId(), seq, e.reportedAt(), e.status());
    }

    @EventHandler
    void on(TaskCompletedEvent e, @SequenceNumber long seq) {
        taskStatus(e.incidentId(), e.taskId(), seq, e.completedAt(), TaskStatus.COMPLETED);
    }

    @EventHandler
    void on(TaskCancelledEvent e, @SequenceNumber long seq) {
        taskStatus(e.incidentId(), e.taskId(), seq, e.cancelledAt(), TaskStatus.CANCELLED);
    }

    @EventHandler
    void on(TaskEscalatedEvent e, @SequenceNumber long seq) {
        task(e.incidentId(), e.taskId(), seq, e.escalatedAt(), t -> new BoardEntry.TaskEntry(t.taskId(), t.department(),
                TaskStatus.ESCALATED, e.level(), e.nextDeadline() == null ? t.acknowledgeBy() : e.nextDeadline(), seq));
    }

    @QueryHandler
    List<BoardRowView> handle(FindBoardQuery query) {
        Instant now = clock.instant();
        return store.all().stream()
                .map(entry -> entry.toView(now))
                .filter(query::matches)
                .sorted(Comparator.comparing(BoardRowView::reportedAt).reversed())
                .toList();
    }

    @ResetHandler
    void reset() {
        store.clear();
    }

    /** The current row of one incident, for the live feed; null when it is not (or no longer) on the board. */
    public BoardRowView row(String incidentId) {
        var entry = store.find(incidentId);
        return entry == null ? null : entry.toView(clock.instant());
    }

    private void incident(IncidentId id, long seq, UnaryOperator<BoardEntry> change) {
        var row = store.find(id.value());
        if (row != null && row.incidentSeq() < seq) {
            store.save(change.apply(row));
        }
    }

    private void end(IncidentId id, IncidentStatus status, Instant at, long seq) {
        var row = store.find(id.value());
        if (row != null && row.incidentSeq() < seq) {
            store.archive(row.withStatus(status, at, seq));
        }
    }

    private void task(IncidentId incidentId, TaskId taskId, long seq, Instant at,
                      UnaryOperator<BoardEntry.TaskEntry> change) {
        var row = store.find(incidentId.value());
        if (row == null) {
            return;   // the incident has ended; its archived row keeps its last state
        }
        var next = row.withTask(taskId.value(), seq, at, change);
        if (next != row) {
            store.save(next);
        }
    }

    private void taskStatus(IncidentId incidentId, TaskId taskId, long seq, Instant at, TaskStatus status) {
        task(incidentId, taskId, seq, at, t -> new BoardEntry.TaskEntry(t.taskId(), t.department(), status,
                t.escalationLevel(), t.acknowledgeBy(), seq));
    }
}
