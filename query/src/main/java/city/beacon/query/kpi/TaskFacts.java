package city.beacon.query.kpi;

import java.time.Instant;

/**
 * What the KPIs need of one task, as of the task's event {@code seq}.
 * @param closedAt when it was declined or cancelled (it then needs no acknowledgment any more)
 */
record TaskFacts(String taskId, String department, String incidentId, Instant requestedAt, Instant acknowledgeBy,
                 Instant acknowledgedAt, Instant onSceneAt, Instant closedAt, boolean escalated, long seq) {

    TaskFacts acknowledged(Instant at, long seq) {
        return new TaskFacts(taskId, department, incidentId, requestedAt, acknowledgeBy, at, onSceneAt, closedAt,
                escalated, seq);
    }

    TaskFacts onScene(Instant at, long seq) {
        return new TaskFacts(taskId, department, incidentId, requestedAt, acknowledgeBy, acknowledgedAt,
                onSceneAt == null ? at : onSceneAt, closedAt, escalated, seq);
    }

    TaskFacts closed(Instant at, long seq) {
        return new TaskFacts(taskId, department, incidentId, requestedAt, acknowledgeBy, acknowledgedAt, onSceneAt,
                at, escalated, seq);
    }

    TaskFacts escalated(long seq) {
        return new TaskFacts(taskId, department, incidentId, requestedAt, acknowledgeBy, acknowledgedAt, onSceneAt,
                closedAt, true, seq);
    }

    /**
     * Acknowledged after its deadline, or not acknowledged although the deadline has passed — unless the department
     * declined it or it was cancelled before the deadline (an answer in time, or nothing left to acknowledge).
     */
    boolean missedDeadline(Instant now) {
        if (acknowledgedAt != null) {
            return acknowledgedAt.isAfter(acknowledgeBy);
        }
        if (closedAt != null && !closedAt.isAfter(acknowledgeBy)) {
            return false;
        }
        return acknowledgeBy.isBefore(now);
    }
}
