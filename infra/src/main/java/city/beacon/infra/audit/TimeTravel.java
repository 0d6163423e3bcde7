package city.beacon.infra.audit;

import city.beacon.api.audit.BoardAtView;
import city.beacon.api.audit.IncidentAtView;
import city.beacon.api.board.BoardRowView;
import city.beacon.api.board.FindBoardQuery;
import city.beacon.api.incident.IncidentScoped;
import city.beacon.api.incident.IncidentView;
import city.beacon.api.live.Evolved;
import city.beacon.infra.eventstore.StoredHistory;
import city.beacon.infra.eventstore.StoredHistory.Recorded;
import city.beacon.query.audit.AuditIndex;
import city.beacon.query.incident.IncidentEvolution;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.LongStream;

/**
 * An incident or the board as it stood at an instant, replayed from the event store with the live projections' own
 * rules ({@link IncidentEvolution}, {@link BoardRowView#of}); never read from today's read models (docs/audit.md).
 */
@Component
public class TimeTravel {
    private static final int SLICE = 500;
    private final AuditIndex index;
    private final IncidentHistory incidents;
    private final BoardCheckpoints checkpoints;
    private final StoredHistory history;

    public TimeTravel(AuditIndex index, IncidentHistory incidents, BoardCheckpoints checkpoints,
                      StoredHistory history) {
        this.index = index;
        this.incidents = incidents;
        this.checkpoints = checkpoints;
        this.history = history;
    }

    /** P(T): the state at T is the state after this position. */
    public long positionAt(Instant at) {
        return index.positionAt(at);
    }

    public Optional<IncidentAtView> incident(String incidentId, Instant at) {
        long through = positionAt(at);
        IncidentView view = null;
        for (Recorded recorded : incidents.events(incidentId, through)) {
            if (recorded.message().getPayload() instanceof IncidentScoped scoped
                    && incidentId.equals(scoped.incidentId().value())) {
                Evolved<IncidentView> next = IncidentEvolution.apply(view, scoped, AuditEvents.facts(recorded));
                if (next.outcome() == Evolved.Outcome.APPLIED) {
                    view = next.view();
                }
            }
        }
        return view == null ? Optional.empty() : Optional.of(new IncidentAtView(at, through, view));
    }

    public BoardAtView board(Instant at, FindBoardQuery query) {
        long through = positionAt(at);
        var checkpoint = checkpoints.atOrBelow(through / checkpoints.interval());
        var replay = new BoardReplay(checkpoint.active());
        for (long from = checkpoint.through() + 1; from <= through; from += SLICE) {
            replay.applyAll(history.at(LongStream.rangeClosed(from, Math.min(through, from + SLICE - 1)).boxed().toList()));
        }
        List<BoardRowView> rows = replay.active().values().stream()
                .map(incident -> BoardRowView.of(incident, at))
                .filter(query::matches)
                .sorted(Comparator.comparing(BoardRowView::reportedAt).reversed())
                .toList();
        return new BoardAtView(at, through, rows);
    }
}
