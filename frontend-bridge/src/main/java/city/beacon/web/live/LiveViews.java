package city.beacon.web.live;

import city.beacon.api.incident.IncidentView;
import city.beacon.api.unit.UnitView;
import org.springframework.stereotype.Component;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The incidents and units this node's relay has brought up to date itself, by applying each event of the shared
 * stream with the projections' own rules. They are at least as recent as anything the relay published, so a new
 * subscriber's snapshot prefers them to the read model, which may still lag (docs/live-feed.md). Ended incidents
 * are dropped (nothing live changes them any more; memory stays bounded by the active ones), and their ids kept for
 * a while so a snapshot also drops a board row the read model has not removed yet.
 */
@Component
public class LiveViews {
    private static final int ENDED_KEPT = 10_000;
    private final Map<String, IncidentView> incidents = new ConcurrentHashMap<>();
    private final Map<String, UnitView> units = new ConcurrentHashMap<>();
    private final Set<String> recentlyEnded = Collections.synchronizedSet(Collections.newSetFromMap(
            new LinkedHashMap<>() {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
                    return size() > ENDED_KEPT;
                }
            }));

    IncidentView incident(String id) {
        return incidents.get(id);
    }

    void remember(IncidentView incident) {
        if (incident.status().hasEnded()) {
            incidents.remove(incident.id());
            recentlyEnded.add(incident.id());
        } else {
            incidents.put(incident.id(), incident);
        }
    }

    boolean hasEnded(String incidentId) {
        return recentlyEnded.contains(incidentId);
    }

    List<IncidentView> incidents() {
        return List.copyOf(incidents.values());
    }

    UnitView unit(String id) {
        return units.get(id);
    }

    void remember(UnitView unit) {
        units.put(unit.id(), unit);
    }

    List<UnitView> units() {
        return List.copyOf(units.values());
    }
}
