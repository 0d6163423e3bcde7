package city.beacon.api.live;

import city.beacon.api.incident.IncidentView;
import city.beacon.api.unit.UnitView;

/**
 * The read side's rules for applying one event to an incident's or a unit's view, as pure functions: the
 * projections write what they return, and every node's live relay applies the same rules to the views it follows,
 * so a console sees exactly what a reload would show, whichever node's projection wrote it (docs/live-feed.md).
 */
public interface ViewEvolution {

    /** @param base the incident's view before the event, or null when none is known */
    Evolved<IncidentView> incident(IncidentView base, Object event, EventFacts facts);

    /** @param base the unit's view before the event, or null when none is known */
    Evolved<UnitView> unit(UnitView base, Object event, EventFacts facts);
}
