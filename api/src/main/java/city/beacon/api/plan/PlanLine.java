package city.beacon.api.plan;

import city.beacon.api.common.Department;
import city.beacon.api.task.EscalationStep;
import city.beacon.api.task.Priority;

import java.time.Duration;
import java.util.List;

/**
 * One department's part in a response plan. @param acknowledgeWithin the acknowledgment deadline, and the interval
 * between escalation levels; @param backup who takes over when the department declines or the chain reaches
 * BACKUP_DEPARTMENT (null: none); @param escalation the steps taken at level 1, 2, … after missed deadlines
 */
public record PlanLine(Department department, String action, Priority priority, Duration acknowledgeWithin,
                       Department backup, List<EscalationStep> escalation) {
    public PlanLine {
        escalation = escalation == null ? List.of() : List.copyOf(escalation);
    }
}
