package city.beacon.saga.response;

import city.beacon.api.common.Department;
import city.beacon.api.plan.PlanLine;
import city.beacon.api.task.EscalationStep;
import city.beacon.api.task.Priority;
import city.beacon.api.task.TaskId;
import city.beacon.api.task.TaskStatus;

import java.time.Duration;
import java.util.List;

/**
 * What the response saga knows about one task of its incident. Immutable; the saga replaces it on every change.
 * No get/is methods: the saga is serialized with Jackson and every such method would become a property.
 *
 * @param escalations how many escalation levels have been started; @param deadlineId the pending acknowledgment
 *                    deadline (null: none); @param backupTask the task asked of the backup department (null: none);
 * @param askedBy the event whose handling asked for this task, until the task's request is seen (null after, and for a
 *                task someone else asked for)
 */
public record ResponseTask(TaskId taskId, TaskOrigin origin, Department department, String action,
                           Priority priority, Duration acknowledgeWithin, Department backup,
                           List<EscalationStep> escalation, TaskStatus status, int escalations, String deadlineId,
                           TaskId backupTask, String askedBy) {

    public ResponseTask {
        escalation = escalation == null ? List.of() : List.copyOf(escalation);
    }

    static ResponseTask fromLine(TaskId taskId, TaskOrigin origin, PlanLine line, String askedBy) {
        return new ResponseTask(taskId, origin, line.department(), line.action(), line.priority(),
                line.acknowledgeWithin(), line.backup(), line.escalation(), TaskStatus.REQUESTED, 0, null, null,
                askedBy);
    }

    /** The same work asked of this task's backup department, which has no backup of its own. */
    PlanLine backupLine() {
        var steps = escalation.stream().filter(step -> step != EscalationStep.BACKUP_DEPARTMENT).toList();
        return new PlanLine(backup, action, priority, acknowledgeWithin, null, steps);
    }

    ResponseTask withStatus(TaskStatus newStatus) {
        return new ResponseTask(taskId, origin, department, action, priority, acknowledgeWithin, backup, escalation,
                newStatus, escalations, deadlineId, backupTask, askedBy);
    }

    ResponseTask withDeadline(String newDeadlineId) {
        return new ResponseTask(taskId, origin, department, action, priority, acknowledgeWithin, backup, escalation,
                status, escalations, newDeadlineId, backupTask, askedBy);
    }

    ResponseTask escalatedTo(int level, String nextDeadlineId) {
        return new ResponseTask(taskId, origin, department, action, priority, acknowledgeWithin, backup, escalation,
                status, level, nextDeadlineId, backupTask, askedBy);
    }

    ResponseTask withBackupTask(TaskId newBackupTask) {
        return new ResponseTask(taskId, origin, department, action, priority, acknowledgeWithin, backup, escalation,
                status, escalations, deadlineId, newBackupTask, askedBy);
    }

    ResponseTask requestSeen() {
        return new ResponseTask(taskId, origin, department, action, priority, acknowledgeWithin, backup, escalation,
                status, escalations, deadlineId, backupTask, null);
    }

    boolean open() {
        return !status.hasEnded();
    }

    boolean canAskBackup() {
        return backup != null && backupTask == null;
    }

    /** Nothing more is needed from it: done, cancelled, or handed to a backup department before anyone took it on. */
    boolean settled() {
        return status == TaskStatus.COMPLETED || status == TaskStatus.CANCELLED
                || backupTask != null && (status == TaskStatus.DECLINED || status.awaitsAcknowledgment());
    }

    /** Its department counts as tasked when a reclassification brings a new plan (a backup stand-in does not). */
    boolean coversDepartment(Department other) {
        return department.equals(other) && origin != TaskOrigin.BACKUP && status != TaskStatus.CANCELLED;
    }
}
