package city.beacon.infra.audit;

import city.beacon.api.audit.AfterActionReport;
import city.beacon.api.audit.AfterActionReport.Decision;
import city.beacon.api.audit.AfterActionReport.DepartmentResponse;
import city.beacon.api.common.Role;
import city.beacon.api.incident.IncidentTaskView;
import city.beacon.api.incident.IncidentView;
import city.beacon.api.incident.TimelineEntry;
import city.beacon.api.task.TaskAcknowledgedEvent;
import city.beacon.api.task.TaskCompletedEvent;
import city.beacon.api.task.TaskEscalatedEvent;
import city.beacon.api.task.TaskProgressReportedEvent;
import city.beacon.api.task.TaskRequestedEvent;
import city.beacon.api.task.TaskStatus;
import city.beacon.infra.eventstore.StoredHistory.Recorded;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Builds the after-action report from the incident's stored history: the view is replayed with the live rules
 * ({@link TimeTravel}), the lines are the view's own timeline, and the times come from the task events themselves.
 */
@Component
public class AfterActionReports {
    private final TimeTravel timeTravel;
    private final IncidentHistory history;
    private final Clock clock;

    public AfterActionReports(TimeTravel timeTravel, IncidentHistory history, Clock clock) {
        this.timeTravel = timeTravel;
        this.history = history;
        this.clock = clock;
    }

    public Optional<AfterActionReport> of(String incidentId) {
        Instant now = clock.instant();
        Optional<IncidentView> found = timeTravel.incident(incidentId, now).map(at -> at.incident());
        if (found.isEmpty()) {
            return Optional.empty();
        }
        IncidentView incident = found.get();
        Map<String, Instant> deadlines = new HashMap<>();
        Map<String, Instant> onScene = new HashMap<>();
        Map<String, Instant> acknowledged = new HashMap<>();
        Map<String, Integer> escalated = new HashMap<>();
        Map<String, Instant> completedAt = new HashMap<>();
        for (Recorded recorded : history.events(incidentId, Long.MAX_VALUE)) {
            Object payload = recorded.message().getPayload();
            if (payload instanceof TaskRequestedEvent e) {
                deadlines.put(e.taskId().value(), e.acknowledgeBy());
            } else if (payload instanceof TaskAcknowledgedEvent e) {
                acknowledged.putIfAbsent(e.taskId().value(), e.acknowledgedAt());
            } else if (payload instanceof TaskProgressReportedEvent e && e.status() == TaskStatus.ON_SCENE) {
                onScene.putIfAbsent(e.taskId().value(), e.reportedAt());
            } else if (payload instanceof TaskCompletedEvent e) {
                completedAt.put(e.taskId().value(), e.completedAt());
            } else if (payload instanceof TaskEscalatedEvent e) {
                escalated.merge(e.taskId().value(), 1, Integer::sum);
            }
        }
        List<DepartmentResponse> departments = new ArrayList<>();
        for (IncidentTaskView task : incident.tasks()) {
            Instant requested = task.requestedAt();
            Instant deadline = deadlines.getOrDefault(task.taskId(), task.acknowledgeBy());
            Instant ack = acknowledged.get(task.taskId());
            Instant scene = onScene.get(task.taskId());
            Instant completed = completedAt.get(task.taskId());
            departments.add(new DepartmentResponse(task.taskId(), task.department(), task.action(), requested,
                    deadline, ack, seconds(requested, ack), ack == null || deadline == null ? null : !ack.isAfter(deadline),
                    scene, seconds(requested, scene), completed, escalated.getOrDefault(task.taskId(), 0),
                    task.status().name()));
        }
        List<Decision> escalations = new ArrayList<>();
        List<Decision> decisions = new ArrayList<>();
        List<String> lines = new ArrayList<>();
        for (TimelineEntry entry : incident.timeline()) {
            lines.add(IncidentDiffs.line(entry));
            var decision = new Decision(entry.at(), entry.actorId(), entry.actorRole(), null, entry.text());
            if ("TaskEscalated".equals(entry.kind())) {
                escalations.add(decision);
            } else if (entry.actorRole() != null && !Role.SYSTEM.name().equals(entry.actorRole())) {
                decisions.add(decision);
            }
        }
        return Optional.of(new AfterActionReport(incident.id(), incident.number(), incident.drill(), now, incident,
                lines, departments, escalations, decisions));
    }

    private static Long seconds(Instant from, Instant to) {
        return from == null || to == null ? null : Duration.between(from, to).toSeconds();
    }
}
