package city.beacon.api.task;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** @param notice what was delivered (NEW_TASK, REMINDER …); @param attempts tries it took, 1 when first time */
public record RecordTaskNotificationDeliveredCommand(@TargetAggregateIdentifier TaskId taskId, NoticeKind notice,
                                                     String recipient, int attempts) {
}
