package city.beacon.api.task;

import city.beacon.api.common.Actor;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** @param by who acknowledges: the task's department decides whether they may */
public record AcknowledgeTaskCommand(@TargetAggregateIdentifier TaskId taskId, Actor by) {
}
