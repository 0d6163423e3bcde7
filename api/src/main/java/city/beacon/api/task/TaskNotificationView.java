package city.beacon.api.task;

import java.time.Instant;

/**
 * The latest word on telling the department's system about a task: delivered, or every try failed.
 * @param attempts tries the latest notice took; @param failureReason why it failed, null when delivered
 */
public record TaskNotificationView(NoticeKind notice, boolean delivered, String recipient, int attempts,
                                   String failureReason, Instant at) {
}
