package city.beacon.web.incident;

import city.beacon.api.board.BoardRowView;
import city.beacon.api.common.RuleViolationException;
import city.beacon.api.incident.FindIncidentsQuery;
import city.beacon.api.incident.IncidentType;
import city.beacon.web.messaging.Queries;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * {@code GET /api/incidents/search?number=…} or {@code ?from=2026-11-01&to=2026-11-28&type=GAS_LEAK}: any incident,
 * ended ones included (the board shows only active ones), newest first. Days are the city's calendar days.
 */
@RestController
public class IncidentSearchController {
    static final int MAX_DAYS = 92;
    private final Queries queries;

    public IncidentSearchController(Queries queries) {
        this.queries = queries;
    }

    @GetMapping("/api/incidents/search")
    List<BoardRowView> search(@RequestParam(required = false) String number,
                              @RequestParam(required = false) IncidentType type,
                              @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                              @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
        boolean byNumber = number != null && !number.isBlank();
        if (!byNumber) {
            if (from == null || to == null) {
                throw new RuleViolationException(from == null ? "from" : "to", "give a number, or both from and to");
            }
            if (to.isBefore(from)) {
                throw new RuleViolationException("to", "must not be before from");
            }
            if (ChronoUnit.DAYS.between(from, to) >= MAX_DAYS) {
                throw new RuleViolationException("to", "search at most " + MAX_DAYS + " days at a time");
            }
        }
        return queries.ask(new FindIncidentsQuery(byNumber ? number : null, type, from, to),
                ResponseTypes.multipleInstancesOf(BoardRowView.class));
    }
}
