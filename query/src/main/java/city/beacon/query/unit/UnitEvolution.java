package city.beacon.query.unit;

import city.beacon.api.live.Evolved;
import city.beacon.api.unit.*;

/**
 * How one event changes a unit's view, as a pure function shared by the units projection and every node's live
 * relay. The view remembers the unit's last applied sequence number: an event at or below it changes nothing, one
 * more than one above it finds a base that misses events ({@link Evolved.Outcome#BEHIND}).
 */
public final class UnitEvolution {
    private UnitEvolution() { }

    public static Evolved<UnitView> apply(UnitView v, Object event, long seq) {
        if (v != null && v.version() >= seq || v == null && seq > 0 && !(event instanceof UnitRegisteredEvent)) {
            return v == null ? Evolved.behind(null) : Evolved.unchanged(v);
        }
        if (v != null && v.version() < seq - 1) {
            return Evolved.behind(v);
        }
        if (event instanceof UnitRegisteredEvent e) {
            return v != null ? Evolved.unchanged(v) : Evolved.applied(new UnitView(e.unitId().value(),
                    e.department().code(), e.kind(), e.name(), UnitStatus.AVAILABLE, null, null, null, null,
                    e.registeredAt(), e.registeredAt(), seq));
        }
        if (v == null) {
            return Evolved.behind(null);
        }
        if (event instanceof UnitAssignedEvent e) {
            return Evolved.applied(new UnitView(v.id(), v.department(), v.kind(), v.name(), UnitStatus.ASSIGNED,
                    e.taskId().value(), e.incidentId().value(), null, e.by(), e.assignedAt(), v.registeredAt(), seq));
        }
        if (event instanceof UnitStatusReportedEvent e) {
            return Evolved.applied(new UnitView(v.id(), v.department(), v.kind(), v.name(), e.status(), v.taskId(),
                    v.incidentId(), e.note(), e.by(), e.reportedAt(), v.registeredAt(), seq));
        }
        if (event instanceof UnitReleasedEvent e) {
            return Evolved.applied(new UnitView(v.id(), v.department(), v.kind(), v.name(), UnitStatus.AVAILABLE,
                    null, null, null, e.by(), e.releasedAt(), v.registeredAt(), seq));
        }
        return Evolved.unchanged(v);
    }
}
