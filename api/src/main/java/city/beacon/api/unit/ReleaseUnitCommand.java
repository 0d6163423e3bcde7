package city.beacon.api.unit;

import city.beacon.api.common.Actor;
import city.beacon.api.task.TaskId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Ends a unit's assignment; it becomes AVAILABLE. Releasing a free unit changes nothing.
 * @param taskId release only from this task (null: from whatever it serves) — so a late automatic release for an
 *        ended task never pulls a unit off the task it was re-assigned to meanwhile
 */
public record ReleaseUnitCommand(@TargetAggregateIdentifier UnitId unitId, TaskId taskId, Actor by) {
}
