package city.beacon.infra.plan;

import city.beacon.api.incident.IncidentType;
import city.beacon.api.incident.Severity;
import city.beacon.api.task.EscalationStep;
import city.beacon.api.task.Priority;
import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;
import java.util.List;

/**
 * The response plans as written in {@code plans.yml}, before validation ({@link ConfiguredResponsePlans} checks
 * them and refuses to start on a mistake).
 *
 * @param version raised whenever the plans change, so a dispatched task can be traced to the plans in force
 * @param plans   one entry per incident type and group of severities
 * @param timeScale multiplies every acknowledgment deadline: 1 in operations; e.g. 0.1 to play a drill for
 *                  newcomers or in tests in a tenth of the time
 */
@ConfigurationProperties(prefix = "beacon.plans")
public record PlansProperties(Integer version, List<Entry> plans, Double timeScale) {
    public PlansProperties {
        plans = plans == null ? List.of() : plans;
        timeScale = timeScale == null ? 1.0 : timeScale;
    }

    /**
     * @param severities the severities this entry answers (e.g. MODERATE and UNKNOWN share lines)
     * @param base       optional: another severity of the same type whose lines come first (EXTREME = SEVERE + more)
     */
    public record Entry(IncidentType type, List<Severity> severities, Severity base, List<Line> lines) {
        public Entry {
            severities = severities == null ? List.of() : severities;
            lines = lines == null ? List.of() : lines;
        }
    }

    /** A department code rather than a Department, so a typo is reported with its place instead of a bind error. */
    public record Line(String department, String action, Priority priority, Duration acknowledgeWithin,
                       String backup, List<EscalationStep> escalation) {
        public Line {
            escalation = escalation == null ? List.of() : escalation;
        }
    }
}
