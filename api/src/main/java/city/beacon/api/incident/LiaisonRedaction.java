package city.beacon.api.incident;

import city.beacon.api.common.Role;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What a department liaison may not see of an incident, for every way a liaison reads one (REST detail, live
 * snapshot and update): who reported it (the reporting user, the caller's or sensor's source reference, and that
 * user as the actor of any timeline line or task) and the command center's internal notes.
 * <p>
 * Board rows, search results and department queue items are built without any of these facts; the test
 * {@code LiaisonRedactionTest} keeps it so. Free text operators write for departments (summary, reasons) is shown
 * as written.
 */
public final class LiaisonRedaction {
    public static final String NOTE_KIND = "IncidentNoteAdded";
    /** The report's line: its actor is the reporter, whoever recorded it. */
    public static final String REPORT_KIND = "IncidentReported";
    public static final String INTERNAL_NOTE = "Internal note";
    public static final String WITHHELD = "[withheld]";

    private LiaisonRedaction() { }

    public static boolean appliesTo(Role role) {
        return role == Role.LIAISON;
    }

    /** The incident as a reader in this role may see it. */
    public static IncidentView forReader(Role role, IncidentView incident) {
        return appliesTo(role) ? forLiaison(incident) : incident;
    }

    public static IncidentView forLiaison(IncidentView v) {
        if (v == null) {
            return null;
        }
        String reporter = v.reportedBy();
        var source = v.source() == null ? null : new IncidentSource(v.source().kind(), null);
        var timeline = linesForLiaison(v, v.timeline());
        var tasks = v.tasks().stream().map(task -> task(task, reporter)).toList();
        return v.withReporter(null, source).withTasks(tasks).withTimeline(timeline);
    }

    /**
     * Timeline lines of the incident as a liaison may see them: a page of its timeline, or the lines the incident's
     * view carries (the latest page). The report's line is known by its kind, not its place, since a page need not
     * start with it.
     */
    public static List<TimelineEntry> linesForLiaison(IncidentView incident, List<TimelineEntry> lines) {
        String reporter = incident.reportedBy();
        // An operator's report names the operator as its reference: withheld as the actor, not searched in text.
        String reference = incident.source() == null || incident.source().kind() == SourceKind.OPERATOR ? null
                : incident.source().reference();
        List<TimelineEntry> redacted = new ArrayList<>(lines.size());
        for (TimelineEntry line : lines) {
            redacted.add(line(line, reporter, reference));
        }
        return redacted;
    }

    private static TimelineEntry line(TimelineEntry line, String reporter, String reference) {
        if (NOTE_KIND.equals(line.kind())) {
            return new TimelineEntry(line.eventId(), line.at(), null, line.actorRole(), line.kind(), INTERNAL_NOTE);
        }
        boolean byReporter = REPORT_KIND.equals(line.kind()) || (reporter != null && reporter.equals(line.actorId()));
        String actor = byReporter ? null : line.actorId();
        return new TimelineEntry(line.eventId(), line.at(), actor, line.actorRole(), line.kind(),
                scrub(line.text(), reference));
    }

    private static IncidentTaskView task(IncidentTaskView t, String reporter) {
        if (reporter == null || !Objects.equals(reporter, t.acknowledgedBy())) {
            return t;
        }
        return new IncidentTaskView(t.taskId(), t.department(), t.action(), t.priority(), t.status(),
                t.escalationLevel(), t.acknowledgeBy(), t.requestedAt(), t.acknowledgedAt(), null, t.lastNote(),
                t.outcome(), t.seq());
    }

    /** Lines Beacon writes itself may name the source (e.g. "Alarm of sensor S-17 linked"). */
    private static String scrub(String text, String reference) {
        if (text == null || reference == null || reference.isBlank()) {
            return text;
        }
        return text.replace(reference, WITHHELD);
    }
}
