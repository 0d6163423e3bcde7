package city.beacon.api.task;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Sent by the response saga when the incident is cancelled, merged or closed. */
public record CancelTaskCommand(@TargetAggregateIdentifier TaskId taskId, String reason) {
}
