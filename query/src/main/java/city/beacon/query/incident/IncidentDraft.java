package city.beacon.query.incident;

import city.beacon.api.incident.*;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** A working copy of an incident's view while one event is applied to it; the view itself stays immutable. */
final class IncidentDraft {
    String id;
    String number;
    IncidentType type;
    Severity severity;
    Urgency urgency;
    Certainty certainty;
    IncidentStatus status;
    Location location;
    String summary;
    IncidentSource source;
    boolean drill;
    String reportedBy;
    Instant reportedAt;
    Instant lastChangedAt;
    String mergedInto;
    String cancelReason;
    String resolution;
    boolean readyToContain;
    List<IncidentTaskView> tasks = new ArrayList<>();
    List<TimelineEntry> timeline = new ArrayList<>();
    long version;

    static IncidentDraft of(IncidentView v) {
        var d = new IncidentDraft();
        d.id = v.id();
        d.number = v.number();
        d.type = v.type();
        d.severity = v.severity();
        d.urgency = v.urgency();
        d.certainty = v.certainty();
        d.status = v.status();
        d.location = v.location();
        d.summary = v.summary();
        d.source = v.source();
        d.drill = v.drill();
        d.reportedBy = v.reportedBy();
        d.reportedAt = v.reportedAt();
        d.lastChangedAt = v.lastChangedAt();
        d.mergedInto = v.mergedInto();
        d.cancelReason = v.cancelReason();
        d.resolution = v.resolution();
        d.readyToContain = v.readyToContain();
        d.tasks = new ArrayList<>(v.tasks());
        d.timeline = new ArrayList<>(v.timeline());
        d.version = v.version();
        return d;
    }

    IncidentView build() {
        return new IncidentView(id, number, type, severity, urgency, certainty, status, location, summary, source,
                drill, reportedBy, reportedAt, lastChangedAt, mergedInto, cancelReason, resolution, readyToContain,
                tasks, timeline, version);
    }
}
