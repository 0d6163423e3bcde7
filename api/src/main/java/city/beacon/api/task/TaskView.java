package city.beacon.api.task;

import java.time.Instant;

/**
 * One task as a department's queue and the operators' board show it.
 * @param acknowledgeBy the deadline the task was requested with; @param nextDeadline when the next escalation
 *        level follows, after an escalation (null before or when the chain is exhausted)
 * @param lastNote the latest progress note; @param lastBy who last acted on it (a user id, or system:CODE)
 * @param endedAt when it was completed, declined or cancelled; @param version the last applied event's sequence
 */
public record TaskView(String id, String incidentId, String department, String action, Priority priority,
                       TaskStatus status, int escalationLevel, EscalationStep escalationStep, Instant acknowledgeBy,
                       Instant nextDeadline, Instant requestedAt, Instant acknowledgedAt, String acknowledgedBy,
                       String lastNote, String lastBy, Instant lastChangedAt, Instant endedAt, String outcome,
                       String declineReason, String cancelReason, TaskNotificationView notification, long version) {
}
