package city.beacon.api.task;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/**
 * Records that an acknowledgment deadline passed. @param level 1 for the first miss, 2 for the second …
 * @param step what the plan does at this level; @param nextDeadline when the next level follows (null: none)
 */
public record EscalateTaskCommand(@TargetAggregateIdentifier TaskId taskId, int level, EscalationStep step,
                                  Instant nextDeadline) {
}
