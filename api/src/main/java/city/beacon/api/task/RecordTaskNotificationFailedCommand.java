package city.beacon.api.task;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record RecordTaskNotificationFailedCommand(@TargetAggregateIdentifier TaskId taskId, NoticeKind notice,
                                                  String recipient, int attempts, String reason) {
}
