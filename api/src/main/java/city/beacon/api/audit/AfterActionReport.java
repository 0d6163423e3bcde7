package city.beacon.api.audit;

import city.beacon.api.incident.IncidentView;

import java.time.Instant;
import java.util.List;

/**
 * What happened in one incident, for the review after it: the incident as it ended (or stands), its timeline as
 * readable lines, each department's acknowledgment and on-scene times against the deadline it was given, the
 * escalations, and who decided what. {@code drill} marks exercises, which KPIs leave out.
 */
public record AfterActionReport(String incidentId, String number, boolean drill, Instant generatedAt,
                                IncidentView incident, List<String> timeline, List<DepartmentResponse> departments,
                                List<Decision> escalations, List<Decision> decisions) {
    public AfterActionReport {
        timeline = List.copyOf(timeline);
        departments = List.copyOf(departments);
        escalations = List.copyOf(escalations);
        decisions = List.copyOf(decisions);
    }

    /**
     * One task of one department. {@code acknowledgedInSeconds} is null when never acknowledged; {@code onTime}
     * compares the acknowledgment with the first deadline the department was given.
     */
    public record DepartmentResponse(String taskId, String department, String action, Instant requestedAt,
                                     Instant acknowledgeBy, Instant acknowledgedAt, Long acknowledgedInSeconds,
                                     Boolean onTime, Instant onSceneAt, Long onSceneInSeconds, Instant completedAt,
                                     int escalations, String finalStatus) { }

    /** A line of the history with who wrote it. */
    public record Decision(Instant at, String actor, String role, String department, String what) { }
}
