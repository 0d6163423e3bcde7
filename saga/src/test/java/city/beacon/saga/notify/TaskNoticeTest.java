package city.beacon.saga.notify;

import city.beacon.api.task.NoticeKind;
import city.beacon.api.task.TaskId;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TaskNoticeTest {
    private static final TaskId TASK = new TaskId("task-1");

    @Test
    void theIdempotencyKeyDependsOnlyOnTheCausingEventTheTaskAndTheKind() {
        // derived again after a restart from the same stored event, it must come out the same
        assertThat(TaskNotice.keyFor("event-1", TASK, NoticeKind.NEW_TASK))
                .isEqualTo(TaskNotice.keyFor("event-1", TASK, NoticeKind.NEW_TASK));
        assertThat(TaskNotice.keyFor("event-1", TASK, NoticeKind.NEW_TASK))
                .isNotEqualTo(TaskNotice.keyFor("event-2", TASK, NoticeKind.NEW_TASK))
                .isNotEqualTo(TaskNotice.keyFor("event-1", new TaskId("task-2"), NoticeKind.NEW_TASK))
                .isNotEqualTo(TaskNotice.keyFor("event-1", TASK, NoticeKind.TASK_CANCELLED));
    }
}
