package city.beacon.api.plan;

import city.beacon.api.incident.IncidentType;
import city.beacon.api.incident.Severity;

import java.util.List;

/** Which departments get which tasks for an incident type at a severity. Versioned configuration. */
public record ResponsePlan(String id, int version, IncidentType type, Severity severity, List<PlanLine> lines) {
    public ResponsePlan {
        lines = lines == null ? List.of() : List.copyOf(lines);
    }
}
