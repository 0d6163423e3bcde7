package city.beacon.api.task;

import city.beacon.api.common.Actor;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record DeclineTaskCommand(@TargetAggregateIdentifier TaskId taskId, Actor by, String reason) {
}
