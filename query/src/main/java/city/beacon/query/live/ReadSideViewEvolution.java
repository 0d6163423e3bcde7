package city.beacon.query.live;

import city.beacon.api.incident.IncidentView;
import city.beacon.api.live.EventFacts;
import city.beacon.api.live.Evolved;
import city.beacon.api.live.ViewEvolution;
import city.beacon.api.unit.UnitView;
import city.beacon.query.incident.IncidentEvolution;
import city.beacon.query.unit.UnitEvolution;
import org.springframework.stereotype.Component;

/** The projections' own rules, offered to the live relay (which depends on the api only). */
@Component
public class ReadSideViewEvolution implements ViewEvolution {

    @Override
    public Evolved<IncidentView> incident(IncidentView base, Object event, EventFacts facts) {
        return IncidentEvolution.apply(base, event, facts);
    }

    @Override
    public Evolved<UnitView> unit(UnitView base, Object event, EventFacts facts) {
        return UnitEvolution.apply(base, event, facts.sequence());
    }
}
