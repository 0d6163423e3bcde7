package city.beacon.infra.department;

import city.beacon.saga.notify.TaskNotice;

/**
 * The JSON a department's system receives (docs/department-integration.md). Plain strings, so the wire format does
 * not change with Jackson settings: ids as given, enums by name, the deadline as ISO-8601 UTC.
 *
 * @param callback where the department acknowledges, relative to Beacon's base URL; decline, progress and complete
 *                 are its siblings
 */
record TaskNoticeJson(String taskId, String incidentId, String department, String kind, String action,
                      String priority, String acknowledgeBy, String callback) {

    static TaskNoticeJson of(TaskNotice notice) {
        String department = notice.department().code();
        String taskId = notice.taskId().value();
        return new TaskNoticeJson(taskId, notice.incidentId().value(), department, notice.kind().name(),
                notice.action(),
                notice.priority() == null ? null : notice.priority().name(),
                notice.acknowledgeBy() == null ? null : notice.acknowledgeBy().toString(),
                "/api/departments/" + department + "/tasks/" + taskId + "/acknowledge");
    }
}
