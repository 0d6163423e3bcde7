package city.beacon.web.audit;

import city.beacon.api.audit.AfterActionReport;
import city.beacon.api.audit.AuditEventPage;
import city.beacon.api.audit.BoardAtView;
import city.beacon.api.audit.CausalChainView;
import city.beacon.api.audit.IncidentDiffView;
import city.beacon.api.audit.IncidentAtView;
import city.beacon.api.board.FindBoardQuery;
import city.beacon.api.common.RuleViolationException;
import city.beacon.api.incident.IncidentStatus;
import city.beacon.api.incident.IncidentType;
import city.beacon.api.incident.Severity;
import city.beacon.web.incident.BoundingBoxParameter;
import city.beacon.web.problem.UnknownResourceException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Set;

/** History and time travel for auditors (docs/audit.md); AUDITOR and ADMIN only (SecurityConfiguration). */
@RestController
@RequestMapping("/api/audit")
public class AuditController {
    private final AuditTrail trail;
    private final ObjectMapper json;
    private final Clock clock;

    public AuditController(AuditTrail trail, ObjectMapper json, Clock clock) {
        this.trail = trail;
        this.json = json;
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
        return trail.incidentEvents(id, new AuditFilter(start, end, type, null, null), cursor, size);
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
        if (start.plus(AuditTrail.MAX_RANGE).isBefore(end)) {
            throw new RuleViolationException("to", "from and to may be at most 31 days apart");
        }
        var filter = new AuditFilter(start, end, type, blankToNull(actor), blankToNull(department));
        return trail.events(filter, AuditParameters.after(after), AuditParameters.limit(limit));
    }

    @GetMapping("/incidents/{id}")
    IncidentAtView incidentAt(@PathVariable String id, @RequestParam(required = false) String at) {
        Instant instant = AuditParameters.instant("at", at, clock);
        requireKnown(id);
        return trail.incidentAt(id, instant)
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
        return trail.boardAt(instant, query);
    }

    /**
     * The incident's whole history as a file: JSON Lines or CSV, chosen by {@code format} (jsonl, csv) or else by
     * the Accept header (application/x-ndjson, text/csv); JSON Lines by default.
     */
    @GetMapping("/incidents/{id}/export")
    ResponseEntity<String> export(@PathVariable String id, @RequestParam(required = false) String format,
                                  @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept) {
        String chosen = format != null ? format.trim().toLowerCase(java.util.Locale.ROOT)
                : accept != null && accept.contains("text/csv") ? "csv" : "jsonl";
        if (!chosen.equals("csv") && !chosen.equals("jsonl")) {
            throw new RuleViolationException("format", "format must be jsonl or csv");
        }
        requireKnown(id);
        var events = trail.incidentEvents(id, AuditFilter.EVERYTHING, 0, Integer.MAX_VALUE).events();
        boolean csv = chosen.equals("csv");
        String body = csv ? AuditExports.csv(events, json) : AuditExports.jsonLines(events, json);
        return ResponseEntity.ok()
                .contentType(csv ? new MediaType("text", "csv", StandardCharsets.UTF_8)
                        : new MediaType("application", "x-ndjson", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"incident-" + id + "." + chosen + "\"")
                .body(body);
    }

    /** The after-action report: JSON, or a printable HTML page ({@code format=html} or Accept: text/html). */
    @GetMapping("/incidents/{id}/report")
    ResponseEntity<?> report(@PathVariable String id, @RequestParam(required = false) String format,
                             @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept) {
        boolean html = format != null ? "html".equalsIgnoreCase(format.trim())
                : accept != null && accept.contains("text/html");
        if (format != null && !html && !"json".equalsIgnoreCase(format.trim())) {
            throw new RuleViolationException("format", "format must be json or html");
        }
        requireKnown(id);
        AfterActionReport report = trail.afterActionReport(id)
                .orElseThrow(() -> new UnknownResourceException("No incident " + id));
        if (html) {
            return ResponseEntity.ok().contentType(new MediaType("text", "html", StandardCharsets.UTF_8))
                    .body(AfterActionHtml.of(report));
        }
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(report);
    }

    @GetMapping("/incidents/{id}/diff")
    IncidentDiffView diff(@PathVariable String id, @RequestParam(required = false) String from,
                          @RequestParam(required = false) String to) {
        Instant start = AuditParameters.instant("from", from, clock);
        Instant end = AuditParameters.instant("to", to, clock);
        AuditParameters.ordered(start, end);
        requireKnown(id);
        return trail.diff(id, start, end);
    }

    @GetMapping("/events/{eventId}/chain")
    CausalChainView chain(@PathVariable String eventId) {
        return trail.chain(eventId).orElseThrow(() -> new UnknownResourceException("No event " + eventId));
    }

    private void requireKnown(String incidentId) {
        if (!trail.knows(incidentId)) {
            throw new UnknownResourceException("No incident " + incidentId);
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
