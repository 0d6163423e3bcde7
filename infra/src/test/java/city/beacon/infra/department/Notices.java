package city.beacon.infra.department;

import city.beacon.api.common.Department;
import city.beacon.api.incident.IncidentId;
import city.beacon.api.task.NoticeKind;
import city.beacon.api.task.Priority;
import city.beacon.api.task.TaskId;
import city.beacon.saga.notify.TaskNotice;

import java.time.Instant;
import java.util.UUID;

/** Task notices as the response coordination saga would send them. */
final class Notices {
    static final Instant ACKNOWLEDGE_BY = Instant.parse("2026-11-28T10:15:00Z");

    private Notices() { }

    static TaskNotice newTask(Department department) {
        return notice(NoticeKind.NEW_TASK, department);
    }

    static TaskNotice notice(NoticeKind kind, Department department) {
        return new TaskNotice(kind, TaskId.random(), IncidentId.random(), department,
                "Stand by against ignition", Priority.CRITICAL, ACKNOWLEDGE_BY, UUID.randomUUID().toString());
    }
}
