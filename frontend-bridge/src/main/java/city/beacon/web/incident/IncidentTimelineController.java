package city.beacon.web.incident;

import city.beacon.api.common.Role;
import city.beacon.api.incident.FindIncidentTimelineQuery;
import city.beacon.api.incident.IncidentId;
import city.beacon.api.incident.TimelinePageView;
import city.beacon.web.live.Redaction;
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
        if (CurrentActor.of(user).role() == Role.LIAISON) {
            return new TimelinePageView(found.incidentId(), found.page(), found.pages(), found.pageSize(),
                    Redaction.linesForLiaison(found.lines()));
        }
        return found;
    }
}
