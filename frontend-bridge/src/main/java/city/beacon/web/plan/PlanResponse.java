package city.beacon.web.plan;

import city.beacon.api.common.Department;
import city.beacon.api.incident.IncidentType;
import city.beacon.api.incident.Severity;
import city.beacon.api.plan.PlanLine;
import city.beacon.api.plan.ResponsePlan;
import city.beacon.api.task.EscalationStep;
import city.beacon.api.task.Priority;

import java.time.Duration;
import java.util.List;

/** A plan as API clients read it: departments as their codes, deadlines as ISO-8601 durations (PT2M). */
record PlanResponse(String id, int version, IncidentType type, Severity severity, List<Line> lines) {

    static PlanResponse of(ResponsePlan plan) {
        return new PlanResponse(plan.id(), plan.version(), plan.type(), plan.severity(),
                plan.lines().stream().map(Line::of).toList());
    }

    record Line(String department, String action, Priority priority, Duration acknowledgeWithin, String backup,
                List<EscalationStep> escalation) {
        static Line of(PlanLine line) {
            return new Line(code(line.department()), line.action(), line.priority(), line.acknowledgeWithin(),
                    code(line.backup()), line.escalation());
        }

        private static String code(Department department) {
            return department == null ? null : department.code();
        }
    }
}
