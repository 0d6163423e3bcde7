package city.beacon.web.live;

import city.beacon.api.incident.IncidentSource;
import city.beacon.api.incident.IncidentView;
import city.beacon.api.incident.TimelineEntry;

import java.util.List;

/**
 * What a department liaison may not see of an incident: who reported it (a caller's identity, an operator's
 * account) and the command center's internal notes.
 */
public final class Redaction {
    static final String NOTE_KIND = "IncidentNoteAdded";

    private Redaction() { }

    public static IncidentView forLiaison(IncidentView v) {
        if (v == null) {
            return null;
        }
        var source = v.source() == null ? null : new IncidentSource(v.source().kind(), null);
        var timeline = v.timeline().stream()
                .map(line -> NOTE_KIND.equals(line.kind())
                        ? new TimelineEntry(line.eventId(), line.at(), null, line.actorRole(), line.kind(), "Internal note")
                        : line)
                .toList();
        return new IncidentView(v.id(), v.number(), v.type(), v.severity(), v.urgency(), v.certainty(), v.status(),
                v.location(), v.summary(), source, v.drill(), null, v.reportedAt(), v.lastChangedAt(), v.mergedInto(),
                v.cancelReason(), v.resolution(), v.readyToContain(), v.tasks(), timeline, v.version());
    }

    /** A page of timeline lines as a liaison may see it (the same rule as {@link #forLiaison} applies to lines). */
    public static List<TimelineEntry> linesForLiaison(List<TimelineEntry> lines) {
        return lines.stream()
                .map(line -> NOTE_KIND.equals(line.kind())
                        ? new TimelineEntry(line.eventId(), line.at(), null, line.actorRole(), line.kind(), "Internal note")
                        : line)
                .toList();
    }
}
