package city.beacon.api.board;

import city.beacon.api.incident.IncidentStatus;
import city.beacon.api.incident.IncidentType;
import city.beacon.api.incident.Severity;

import java.util.Set;

/**
 * The live board: active incidents, optionally narrowed. Empty sets mean "any"; a null box means the whole city.
 */
public record FindBoardQuery(Set<IncidentStatus> statuses, Set<IncidentType> types, Set<Severity> severities,
                             BoundingBox box, boolean includeDrills) {
    public FindBoardQuery {
        statuses = statuses == null ? Set.of() : Set.copyOf(statuses);
        types = types == null ? Set.of() : Set.copyOf(types);
        severities = severities == null ? Set.of() : Set.copyOf(severities);
    }

    public static FindBoardQuery everything() {
        return new FindBoardQuery(Set.of(), Set.of(), Set.of(), null, true);
    }

    public boolean matches(BoardRowView row) {
        return (statuses.isEmpty() || statuses.contains(row.status()))
                && (types.isEmpty() || types.contains(row.type()))
                && (severities.isEmpty() || severities.contains(row.severity()))
                && (box == null || box.contains(row.location().point()))
                && (includeDrills || !row.drill());
    }
}
