package city.beacon.query.task;

import city.beacon.api.task.TaskView;

import java.time.Instant;
import java.util.Comparator;

/** Open tasks first, most urgent on top (priority, then deadline); below them the most recently ended. */
final class TaskQueueOrder {
    private static final Comparator<TaskView> OPEN = Comparator.comparing(TaskView::priority)
            .thenComparing(TaskView::acknowledgeBy, Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(TaskView::requestedAt, Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(TaskView::id);
    private static final Comparator<TaskView> ENDED = Comparator.comparing(TaskView::endedAt,
            Comparator.nullsLast(Comparator.<Instant>reverseOrder())).thenComparing(TaskView::id);

    static final Comparator<TaskView> QUEUE = Comparator.comparing((TaskView t) -> t.status().hasEnded())
            .thenComparing((a, b) -> a.status().hasEnded() ? ENDED.compare(a, b) : OPEN.compare(a, b));

    private TaskQueueOrder() { }
}
