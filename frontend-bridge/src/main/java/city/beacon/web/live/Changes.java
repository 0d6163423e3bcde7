package city.beacon.web.live;

import city.beacon.api.board.BoardRowView;
import city.beacon.api.board.DepartmentQueueItem;

/** Delta payloads: a row that appeared or changed, or the id of one that left the view. */
public final class Changes {
    private Changes() { }

    public record BoardChange(BoardRowView row, String removed) {
    }

    public record QueueChange(DepartmentQueueItem item, String removed) {
    }
}
