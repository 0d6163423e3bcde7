package city.beacon.api.task;

import city.beacon.api.common.Actor;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** @param status EN_ROUTE or ON_SCENE */
public record ReportTaskProgressCommand(@TargetAggregateIdentifier TaskId taskId, Actor by, TaskStatus status,
                                        String note) {
}
