package city.beacon.infra.audit;

import city.beacon.api.audit.AuditEventPage;
import city.beacon.api.audit.BoardAtView;
import city.beacon.api.audit.CausalChainView;
import city.beacon.api.audit.IncidentAtView;
import city.beacon.api.board.FindBoardQuery;
import city.beacon.api.common.RuleViolationException;
import city.beacon.api.incident.IncidentStatus;
import city.beacon.api.incident.IncidentType;
import city.beacon.api.incident.Severity;
import city.beacon.web.incident.BoundingBoxParameter;
import city.beacon.web.problem.UnknownResourceException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.time.Instant;
import java.util.Set;

/** History and time travel for auditors (docs/audit.md); AUDITOR and ADMIN only (SecurityConfiguration). */
@RestController
@RequestMapping("/api/audit")
public class AuditController {
    private final AuditSearch search;
    private final IncidentHistory incidents;
    private final TimeTravel timeTravel;
    private final CausalChains chains;
    private final Clock clock;

    public AuditController(AuditSearch search, IncidentHistory incidents, TimeTravel timeTravel, CausalChains chains,
                           Clock clock) {
        this.chains = chains;
        this.search = search;
        this.incidents = incidents;
        this.timeTravel = timeTravel;
        this.clock = clock;
    }

    @GetMapping("/incidents/{id}/events")
    AuditEventPage incidentEvents(@PathVariable String id,
                                  @RequestParam(required = false) String from,
                                  @RequestParam(required = false) String to,
                                  @RequestParam(required = false) Set<String> type,
                                  @RequestParam(required = false) Long after,
                                  @RequestParam(required = false) Integer limit) {
        Instant start = AuditParameters.optionalInstant("from", from, clock);
        Instant end = AuditParameters.optionalInstant("to", to, clock);
        AuditParameters.ordered(start, end);
        int size = AuditParameters.limit(limit);
        long cursor = AuditParameters.after(after);
        requireKnown(id);
        return search.incident(id, new AuditSearch.Filter(start, end, type, null, null), cursor, size);
    }

    @GetMapping("/events")
    AuditEventPage events(@RequestParam(required = false) String from,
                          @RequestParam(required = false) String to,
                          @RequestParam(required = false) String actor,
                          @RequestParam(required = false) String department,
                          @RequestParam(required = false) Set<String> type,
                          @RequestParam(required = false) Long after,
                          @RequestParam(required = false) Integer limit) {
        Instant start = AuditParameters.instant("from", from, clock);
        Instant end = AuditParameters.instant("to", to, clock);
        AuditParameters.ordered(start, end);
        if (start.plus(AuditSearch.MAX_RANGE).isBefore(end)) {
            throw new RuleViolationException("to", "from and to may be at most 31 days apart");
        }
        var filter = new AuditSearch.Filter(start, end, type, blankToNull(actor), blankToNull(department));
        return search.across(filter, AuditParameters.after(after), AuditParameters.limit(limit));
    }

    @GetMapping("/incidents/{id}")
    IncidentAtView incidentAt(@PathVariable String id, @RequestParam(required = false) String at) {
        Instant instant = AuditParameters.instant("at", at, clock);
        requireKnown(id);
        return timeTravel.incident(id, instant)
                .orElseThrow(() -> new UnknownResourceException("Incident " + id + " did not exist yet at " + instant));
    }

    @GetMapping("/board")
    BoardAtView boardAt(@RequestParam(required = false) String at,
                        @RequestParam(required = false) Set<IncidentStatus> status,
                        @RequestParam(required = false) Set<IncidentType> type,
                        @RequestParam(required = false) Set<Severity> severity,
                        @RequestParam(required = false) String bbox,
                        @RequestParam(defaultValue = "true") boolean drills) {
        Instant instant = AuditParameters.instant("at", at, clock);
        var query = new FindBoardQuery(status, type, severity, BoundingBoxParameter.parse(bbox), drills);
        return timeTravel.board(instant, query);
    }

    @GetMapping("/events/{eventId}/chain")
    CausalChainView chain(@PathVariable String eventId) {
        return chains.of(eventId).orElseThrow(() -> new UnknownResourceException("No event " + eventId));
    }

    private void requireKnown(String incidentId) {
        if (!incidents.known(incidentId)) {
            throw new UnknownResourceException("No incident " + incidentId);
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
