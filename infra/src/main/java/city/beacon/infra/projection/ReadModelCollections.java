package city.beacon.infra.projection;

import city.beacon.query.audit.AuditIndexProjection;
import city.beacon.query.incident.IncidentProjection;
import city.beacon.query.incident.IncidentSearchProjection;
import city.beacon.query.kpi.KpiProjection;
import city.beacon.query.sensor.SensorProjection;
import city.beacon.query.task.TaskProjection;
import city.beacon.query.unit.UnitProjection;
import city.beacon.query.warning.PublicWarningProjection;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Which collections each rebuildable read model owns, and how a generation names them: generation 1 is the plain
 * name ({@code incidents}, what Beacon always wrote), generation n > 1 is {@code incidents.g<n>}. Only the processor
 * of the owning projection writes them; anyone may read them, always through the live generation.
 */
public final class ReadModelCollections {
    static final Map<String, List<String>> OWNED = Map.of(
            IncidentProjection.GROUP, List.of("incidents", "incident_timeline", "board"),
            TaskProjection.GROUP, List.of("tasks", "task_queues"),
            UnitProjection.GROUP, List.of("units"),
            KpiProjection.GROUP, List.of("kpi_days", "kpi_task_days", "kpi_incidents"),
            IncidentSearchProjection.GROUP, List.of("incident_numbers", "incident_days"),
            PublicWarningProjection.GROUP, List.of("public_warnings"),
            AuditIndexProjection.GROUP, List.of(AuditIndexProjection.COLLECTION),
            SensorProjection.GROUP, List.of(SensorProjection.COLLECTION));
    private static final Map<String, String> OWNER = new HashMap<>();

    static {
        OWNED.forEach((group, collections) -> collections.forEach(c -> OWNER.put(c, group)));
    }

    private ReadModelCollections() { }

    /** The group whose processor writes this collection, or null for a collection no rebuild concerns. */
    static String owner(String collection) {
        return OWNER.get(collection);
    }

    static List<String> of(String group) {
        return OWNED.getOrDefault(group, List.of());
    }

    static String physical(String collection, int generation) {
        return generation <= 1 ? collection : collection + ".g" + generation;
    }

    /** The processor that builds a generation other than the first: {@code incident-detail@g2}. */
    static String processorName(String group, int generation) {
        return group + "@g" + generation;
    }
}
