package city.beacon.web.incident;

import city.beacon.api.incident.FindIncidentQuery;
import city.beacon.api.incident.FindIncidentTimelineQuery;
import city.beacon.api.incident.IncidentId;
import city.beacon.api.incident.IncidentView;
import city.beacon.api.incident.LiaisonRedaction;
import city.beacon.api.incident.TimelinePageView;
import city.beacon.web.messaging.Queries;
import city.beacon.web.problem.UnknownResourceException;
import city.beacon.web.security.CurrentActor;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * An incident's timeline, page by page: {@code GET /api/incidents/{id}/timeline} is the latest page (the one the
 * incident's detail carries), {@code ?page=n} any earlier one (0 is the oldest). Each page is one keyed read,
 * however long the incident's history.
 */
@RestController
@RequestMapping("/api/incidents")
public class IncidentTimelineController {
    private final Queries queries;

    public IncidentTimelineController(Queries queries) {
        this.queries = queries;
    }

    @GetMapping("/{id}/timeline")
    TimelinePageView page(@PathVariable String id, @RequestParam(required = false) Integer page,
                          Authentication user) {
        var found = queries.ask(new FindIncidentTimelineQuery(new IncidentId(id), page),
                        ResponseTypes.optionalInstanceOf(TimelinePageView.class))
                .orElseThrow(() -> new UnknownResourceException(page == null
                        ? "No incident " + id : "No page " + page + " of incident " + id + "'s timeline"));
        if (LiaisonRedaction.appliesTo(CurrentActor.of(user).role())) {
            // The page alone does not say who reported the incident: the redaction needs the incident's facts.
            var incident = queries.ask(new FindIncidentQuery(new IncidentId(id)),
                    ResponseTypes.optionalInstanceOf(IncidentView.class))
                    .orElseThrow(() -> new UnknownResourceException("No incident " + id));
            return new TimelinePageView(found.incidentId(), found.page(), found.pages(), found.pageSize(),
                    LiaisonRedaction.linesForLiaison(incident, found.lines()));
        }
        return found;
    }
}
