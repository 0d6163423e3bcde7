package city.beacon.infra.department;

import city.beacon.saga.notify.TaskNotice;

/**
 * Where the notifier reports how a delivery ended, so that it becomes an event auditors can see.
 *
 * @see CommandNotificationOutcomes
 */
public interface NotificationOutcomes {

    /** @param attempts tries it took, 1 when the first one succeeded */
    void delivered(TaskNotice notice, String recipient, int attempts);

    /** @param attempts tries made, including ones refused locally (open circuit, full bulkhead) */
    void failed(TaskNotice notice, String recipient, int attempts, String reason);
}
