package city.beacon.infra.audit;

import city.beacon.api.audit.IncidentAtView;
import city.beacon.api.audit.IncidentDiffView;
import city.beacon.api.incident.IncidentTaskView;
import city.beacon.api.incident.IncidentView;
import city.beacon.api.incident.TimelineEntry;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * The difference between an incident at two instants, both replayed by {@link TimeTravel}. The readable lines are
 * the incident's own timeline lines (written by the projection's TimelineText), so a diff never words an event
 * differently from the incident panel.
 */
@Component
public class IncidentDiffs {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneOffset.UTC);
    private final TimeTravel timeTravel;

    public IncidentDiffs(TimeTravel timeTravel) {
        this.timeTravel = timeTravel;
    }

    public IncidentDiffView between(String incidentId, Instant from, Instant to) {
        var before = timeTravel.incident(incidentId, from);
        var after = timeTravel.incident(incidentId, to);
        IncidentView a = before.map(IncidentAtView::incident).orElse(null);
        IncidentView b = after.map(IncidentAtView::incident).orElse(null);
        Set<String> known = new HashSet<>();
        if (a != null) {
            a.timeline().forEach(entry -> known.add(entry.eventId()));
        }
        List<TimelineEntry> entries = b == null ? List.of()
                : b.timeline().stream().filter(entry -> !known.contains(entry.eventId())).toList();
        List<String> lines = entries.stream().map(IncidentDiffs::line).toList();
        long fromPosition = before.map(IncidentAtView::position).orElseGet(() -> timeTravel.positionAt(from));
        long toPosition = after.map(IncidentAtView::position).orElseGet(() -> timeTravel.positionAt(to));
        return new IncidentDiffView(incidentId, from, to, fromPosition, toPosition, lines, changes(a, b), entries);
    }

    static String line(TimelineEntry entry) {
        String who = entry.actorId() == null ? ""
                : " (" + (entry.actorRole() == null ? "" : entry.actorRole().toLowerCase(Locale.ROOT) + " ")
                  + entry.actorId() + ")";
        return TIME.format(entry.at()) + " " + entry.text() + who;
    }

    private static List<String> changes(IncidentView a, IncidentView b) {
        List<String> changes = new ArrayList<>();
        if (b == null) {
            return changes;
        }
        if (a == null) {
            changes.add("incident " + b.number() + " reported");
        }
        field(changes, "status", a == null ? null : a.status(), b.status());
        field(changes, "type", a == null ? null : a.type(), b.type());
        field(changes, "severity", a == null ? null : a.severity(), b.severity());
        field(changes, "location", a == null ? null : a.location(), b.location());
        field(changes, "merged into", a == null ? null : a.mergedInto(), b.mergedInto());
        for (int i = 0; i < b.tasks().size(); i++) {
            IncidentTaskView task = b.tasks().get(i);
            IncidentTaskView earlier = a == null ? null : a.tasks().stream()
                    .filter(t -> t.taskId().equals(task.taskId())).findFirst().orElse(null);
            String name = "task " + (i + 1) + " (" + task.department() + ")";
            if (earlier == null) {
                changes.add(name + " requested, now " + task.status());
            } else if (earlier.status() != task.status()) {
                changes.add(name + " " + earlier.status() + " → " + task.status());
            }
        }
        return changes;
    }

    private static void field(List<String> changes, String name, Object before, Object after) {
        if (before != null && !Objects.equals(before, after)) {
            changes.add(name + " " + before + " → " + after);
        }
    }
}
