package city.beacon.saga.notify;

import city.beacon.api.common.Department;
import city.beacon.api.incident.IncidentId;
import city.beacon.api.task.NoticeKind;
import city.beacon.api.task.Priority;
import city.beacon.api.task.TaskId;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;

/**
 * What a department's system is told about a task.
 *
 * @param idempotencyKey the same for every copy of this notice — each retry, and the notice derived again from the
 *                       same event after a restart — and different for every other notice, so a department's system
 *                       can drop a repeat (docs/department-integration.md)
 */
public record TaskNotice(NoticeKind kind, TaskId taskId, IncidentId incidentId, Department department,
                         String action, Priority priority, Instant acknowledgeBy, String idempotencyKey) {

    /**
     * A key derived from the event that caused the notice: one event may cause notices about several tasks (an
     * incident closed cancels all its tasks), so the task and the kind are part of it.
     */
    public static String keyFor(String causingEventId, TaskId taskId, NoticeKind kind) {
        var name = causingEventId + "/" + taskId.value() + "/" + kind.name();
        return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)).toString();
    }
}
