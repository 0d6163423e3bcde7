package city.beacon.web.kpi;

import city.beacon.api.common.RuleViolationException;
import city.beacon.api.kpi.FindKpisQuery;
import city.beacon.api.kpi.KpiView;
import city.beacon.web.messaging.Queries;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;

/**
 * {@code GET /api/kpis?from=&to=}: response KPIs per department and incident type over the tasks requested in
 * [from, to), drills excluded. Both bounds are ISO-8601 instants; a period is at most 366 days.
 */
@RestController
public class KpiController {
    static final Duration LONGEST = Duration.ofDays(366);
    private final Queries queries;

    public KpiController(Queries queries) {
        this.queries = queries;
    }

    @GetMapping("/api/kpis")
    List<KpiView> kpis(@RequestParam(required = false) String from, @RequestParam(required = false) String to) {
        var start = instant("from", from);
        var end = instant("to", to);
        if (!start.isBefore(end)) {
            throw new RuleViolationException("to", "to must be after from");
        }
        if (Duration.between(start, end).compareTo(LONGEST) > 0) {
            throw new RuleViolationException("to", "the period from from to to must be at most 366 days");
        }
        return queries.ask(new FindKpisQuery(start, end), ResponseTypes.multipleInstancesOf(KpiView.class));
    }

    private static Instant instant(String name, String value) {
        if (value == null || value.isBlank()) {
            throw new RuleViolationException(name, name + " is required");
        }
        try {
            return Instant.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw new RuleViolationException(name, name + " must be an ISO-8601 instant such as 2026-11-28T00:00:00Z");
        }
    }
}
