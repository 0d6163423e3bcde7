package city.beacon.saga.notify;

/**
 * Tells a department's own system about a task. Implementations must return at once and deliver in the
 * background: a department system being slow or down never blocks a saga or an operator. The outcome is reported
 * back as RecordTaskNotificationDeliveredCommand / RecordTaskNotificationFailedCommand, so it becomes an event.
 */
public interface DepartmentNotifier {
    void notify(TaskNotice notice);
}
