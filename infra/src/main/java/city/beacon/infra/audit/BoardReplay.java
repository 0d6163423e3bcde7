package city.beacon.infra.audit;

import city.beacon.api.incident.IncidentScoped;
import city.beacon.api.incident.IncidentView;
import city.beacon.api.live.Evolved;
import city.beacon.infra.eventstore.StoredHistory.Recorded;
import city.beacon.query.incident.IncidentEvolution;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The board's state while the stream is replayed: the active incidents, each changed by the incident projection's
 * own rule ({@link IncidentEvolution}) and dropped once ended, as the live board store does. Timelines are not
 * kept: a board row does not show them.
 */
final class BoardReplay {
    private final Map<String, IncidentView> active;

    BoardReplay(Map<String, IncidentView> active) {
        this.active = new LinkedHashMap<>(active);
    }

    static BoardReplay empty() {
        return new BoardReplay(Map.of());
    }

    void apply(Recorded recorded) {
        if (!(recorded.message().getPayload() instanceof IncidentScoped scoped) || scoped.incidentId() == null) {
            return;
        }
        String id = scoped.incidentId().value();
        Evolved<IncidentView> next = IncidentEvolution.apply(active.get(id), scoped, AuditEvents.facts(recorded));
        if (next.outcome() != Evolved.Outcome.APPLIED) {
            return;
        }
        IncidentView view = next.view();
        if (view.status().hasEnded()) {
            active.remove(id);
        } else {
            active.put(id, withoutTimeline(view));
        }
    }

    void applyAll(List<Recorded> events) {
        events.forEach(this::apply);
    }

    Map<String, IncidentView> active() {
        return active;
    }

    static IncidentView withoutTimeline(IncidentView v) {
        return v.withTimeline(List.of());
    }
}
