package city.beacon.api.task;

import java.util.EnumSet;
import java.util.Set;

/**
 * A task's lifecycle (DESIGN §2). ESCALATED means still awaiting acknowledgment after a missed deadline; the
 * escalation level is carried beside it.
 */
public enum TaskStatus {
    REQUESTED,
    ESCALATED,
    ACKNOWLEDGED,
    EN_ROUTE,
    ON_SCENE,
    COMPLETED,
    DECLINED,
    CANCELLED;

    private static final Set<TaskStatus> AWAITING_ACKNOWLEDGMENT = EnumSet.of(REQUESTED, ESCALATED);
    private static final Set<TaskStatus> ENDED = EnumSet.of(COMPLETED, DECLINED, CANCELLED);

    public boolean awaitsAcknowledgment() {
        return AWAITING_ACKNOWLEDGMENT.contains(this);
    }

    public boolean hasEnded() {
        return ENDED.contains(this);
    }
}
