package city.beacon.query.board;

import city.beacon.api.board.DepartmentQueueItem;
import city.beacon.api.board.FindDepartmentQueueQuery;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;

/**
 * A department's queue, taken from the board: open tasks only exist on active incidents, so the small board
 * collection holds all of them and no scan of the whole history is needed.
 */
@Component
public class DepartmentQueueQueries {
    static final Comparator<DepartmentQueueItem> MOST_URGENT_FIRST = Comparator
            .comparing(DepartmentQueueItem::priority)
            .thenComparing(DepartmentQueueItem::acknowledgeBy, Comparator.nullsLast(Comparator.naturalOrder()));
    private final BoardStore board;
    private final Clock clock;

    public DepartmentQueueQueries(BoardStore board, Clock clock) {
        this.board = board;
        this.clock = clock;
    }

    @QueryHandler
    List<DepartmentQueueItem> handle(FindDepartmentQueueQuery query) {
        Instant now = clock.instant();
        String code = query.department().code();
        return board.active().stream()
                .flatMap(incident -> incident.tasks().stream()
                        .filter(task -> task.department().equals(code) && !task.status().hasEnded())
                        .map(task -> DepartmentQueueItem.of(incident, task, now)))
                .sorted(MOST_URGENT_FIRST)
                .toList();
    }
}
