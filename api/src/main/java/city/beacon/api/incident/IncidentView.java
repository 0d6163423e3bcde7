package city.beacon.api.incident;

import java.time.Instant;
import java.util.List;

/** One incident as the read side knows it: its facts, its tasks and its timeline, oldest line first. */
public record IncidentView(String id, String number, IncidentType type, Severity severity, Urgency urgency,
                           Certainty certainty, IncidentStatus status, Location location, String summary,
                           IncidentSource source, boolean drill, String reportedBy, Instant reportedAt,
                           Instant lastChangedAt, String mergedInto, String cancelReason, String resolution,
                           boolean readyToContain, List<IncidentTaskView> tasks, List<TimelineEntry> timeline,
                           long version) {
    public IncidentView {
        tasks = tasks == null ? List.of() : List.copyOf(tasks);
        timeline = timeline == null ? List.of() : List.copyOf(timeline);
    }
}
