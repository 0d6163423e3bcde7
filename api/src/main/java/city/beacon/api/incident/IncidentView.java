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

    public IncidentView withTimeline(List<TimelineEntry> lines) {
        return new IncidentView(id, number, type, severity, urgency, certainty, status, location, summary, source,
                drill, reportedBy, reportedAt, lastChangedAt, mergedInto, cancelReason, resolution, readyToContain,
                tasks, lines, version);
    }

    public IncidentView withTasks(List<IncidentTaskView> taskViews) {
        return new IncidentView(id, number, type, severity, urgency, certainty, status, location, summary, source,
                drill, reportedBy, reportedAt, lastChangedAt, mergedInto, cancelReason, resolution, readyToContain,
                taskViews, timeline, version);
    }

    /** The same incident with its reporter and source as given (e.g. withheld from a liaison). */
    public IncidentView withReporter(String reporter, IncidentSource reportedThrough) {
        return new IncidentView(id, number, type, severity, urgency, certainty, status, location, summary,
                reportedThrough, drill, reporter, reportedAt, lastChangedAt, mergedInto, cancelReason, resolution,
                readyToContain, tasks, timeline, version);
    }
}
