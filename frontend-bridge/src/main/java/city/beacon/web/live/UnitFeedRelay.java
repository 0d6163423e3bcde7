package city.beacon.web.live;

import city.beacon.api.live.Evolved;
import city.beacon.api.live.ViewEvolution;
import city.beacon.api.unit.FindUnitQuery;
import city.beacon.api.unit.UnitScoped;
import city.beacon.api.unit.UnitView;
import city.beacon.web.messaging.Queries;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Publishes a unit's new state on {@code /topic/units} for each event about it. Part of the live relay's processing
 * group, so it too follows the whole shared stream on every node, and like the incident relay it applies the event
 * itself with the units projection's rule, to the unit as it last published it or, the first time, as the read
 * model has it when that holds every earlier event of the unit.
 */
@Component
@ProcessingGroup(LiveFeedRelay.GROUP)
public class UnitFeedRelay {
    private static final Logger log = LoggerFactory.getLogger(UnitFeedRelay.class);
    private final LiveFeed feed;
    private final LiveViews views;
    private final ViewEvolution evolution;
    private final Queries queries;

    public UnitFeedRelay(LiveFeed feed, LiveViews views, ViewEvolution evolution, Queries queries) {
        this.feed = feed;
        this.views = views;
        this.evolution = evolution;
        this.queries = queries;
    }

    @EventHandler
    void on(UnitScoped event, EventMessage<?> message) {
        UnitView followed = views.unit(event.unitId().value());
        UnitView base = followed != null ? followed : readModel(event);
        Evolved<UnitView> next = evolution.unit(base, event, LiveFeedRelay.facts(message));
        UnitView unit;
        switch (next.outcome()) {
            case APPLIED -> unit = next.view();
            case UNCHANGED -> {
                if (followed != null || base == null) {
                    return;
                }
                unit = base;
            }
            default -> {
                log.debug("unit {}: the read model is behind event {}; not published", event.unitId(),
                        message.getIdentifier());
                return;
            }
        }
        views.remember(unit);
        feed.publish(Topics.UNITS, new UnitChange(unit), null);
    }

    private UnitView readModel(UnitScoped event) {
        return queries.ask(new FindUnitQuery(event.unitId()), ResponseTypes.optionalInstanceOf(UnitView.class))
                .orElse(null);
    }
}
