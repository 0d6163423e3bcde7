package city.beacon.api.audit;

import city.beacon.api.incident.TimelineEntry;

import java.time.Instant;
import java.util.List;

/**
 * What changed in an incident between two instants: its timeline lines after {@code from} up to {@code to}
 * ({@code lines}, readable, e.g. "14:02:11 FIRE acknowledged (liaison fire)"), the same as entries, and the state
 * that differs between the two views ({@code changes}, e.g. "status CONFIRMED → RESPONDING").
 */
public record IncidentDiffView(String incidentId, Instant from, Instant to, long fromPosition, long toPosition,
                               List<String> lines, List<String> changes, List<TimelineEntry> entries) {
    public IncidentDiffView {
        lines = List.copyOf(lines);
        changes = List.copyOf(changes);
        entries = List.copyOf(entries);
    }
}
