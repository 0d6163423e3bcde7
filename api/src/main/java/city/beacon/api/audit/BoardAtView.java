package city.beacon.api.audit;

import city.beacon.api.board.BoardRowView;

import java.time.Instant;
import java.util.List;

/** The board as it stood at {@code at}: the state after every event up to stream position {@code position}. */
public record BoardAtView(Instant at, long position, List<BoardRowView> rows) {
    public BoardAtView {
        rows = List.copyOf(rows);
    }
}
