package city.beacon.query.board;

import city.beacon.api.board.BoardRowView;
import city.beacon.api.board.FindBoardQuery;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;

/** Answers the board query from the small collection of active incidents. */
@Component
public class BoardQueries {
    private final BoardStore board;
    private final Clock clock;

    public BoardQueries(BoardStore board, Clock clock) {
        this.board = board;
        this.clock = clock;
    }

    @QueryHandler
    List<BoardRowView> handle(FindBoardQuery query) {
        Instant now = clock.instant();
        return board.active().stream()
                .map(incident -> BoardRowView.of(incident, now))
                .filter(query::matches)
                .sorted(Comparator.comparing(BoardRowView::reportedAt).reversed())
                .toList();
    }
}
