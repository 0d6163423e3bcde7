package city.beacon.infra.audit;

import city.beacon.api.audit.AuditEvent;
import city.beacon.api.audit.AuditEventPage;
import city.beacon.api.task.TaskScoped;
import city.beacon.infra.eventstore.StoredHistory;
import city.beacon.infra.eventstore.StoredHistory.Recorded;
import city.beacon.query.audit.AuditIndex;
import city.beacon.query.audit.AuditKeys;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Auditors' searches over the stream. An incident's history is one index document; a search across incidents
 * reads the hour documents of the narrowest family its filters allow (an actor's hours, a department's, a type's,
 * else every event's), then the events themselves by position, a page at a time.
 */
@Component
public class AuditSearch {
    private final AuditIndex index;
    private final IncidentHistory incidents;
    private final StoredHistory history;

    public AuditSearch(AuditIndex index, IncidentHistory incidents, StoredHistory history) {
        this.index = index;
        this.incidents = incidents;
        this.history = history;
    }

    /** What to keep: a time range (either end may be open), types (empty for any), actor and department (null for any). */
    public record Filter(Instant from, Instant to, Set<String> types, String actor, String department) {
        public Filter {
            types = types == null ? Set.of() : types.stream().map(AuditKeys::typeName).collect(java.util.stream.Collectors.toSet());
        }

        boolean matches(AuditEvent event, Object payload) {
            return (from == null || !event.time().isBefore(from))
                    && (to == null || !event.time().isAfter(to))
                    && (types.isEmpty() || types.contains(event.type()))
                    && (actor == null || event.actor() != null && actor.equals(event.actor().userId()))
                    && (department == null || department.equals(event.actor() == null ? null : event.actor().department())
                        || payload instanceof TaskScoped task && task.department() != null
                           && department.equals(task.department().code()));
        }
    }

    public AuditEventPage incident(String incidentId, Filter filter, long after, int limit) {
        List<Recorded> events = incidents.events(incidentId, Long.MAX_VALUE);
        return page(events.stream().filter(r -> r.position() > after).toList(), filter, limit);
    }

    public AuditEventPage across(Filter filter, long after, int limit) {
        List<String> keys = new ArrayList<>();
        for (Instant hour = AuditKeys.hourOf(filter.from()); !hour.isAfter(filter.to()); hour = hour.plus(Duration.ofHours(1))) {
            if (filter.actor() != null) {
                keys.add(AuditKeys.actorHour(filter.actor(), hour));
            } else if (filter.department() != null) {
                keys.add(AuditKeys.departmentHour(filter.department(), hour));
            } else if (!filter.types().isEmpty()) {
                for (String type : filter.types()) {
                    keys.add(AuditKeys.typeHour(type, hour));
                }
            } else {
                keys.add(AuditKeys.hour(hour));
            }
        }
        List<Long> positions = index.positions(keys).stream().filter(p -> p > after).toList();
        List<AuditEvent> page = new ArrayList<>();
        int chunk = Math.max(limit, 100);
        for (int from = 0; from < positions.size(); from += chunk) {
            List<Long> slice = positions.subList(from, Math.min(positions.size(), from + chunk));
            for (Recorded recorded : history.at(slice)) {
                AuditEvent event = AuditEvents.of(recorded);
                if (filter.matches(event, recorded.message().getPayload())) {
                    if (page.size() == limit) {
                        return new AuditEventPage(page, page.get(page.size() - 1).position());
                    }
                    page.add(event);
                }
            }
        }
        return new AuditEventPage(page, null);
    }

    private static AuditEventPage page(List<Recorded> events, Filter filter, int limit) {
        List<AuditEvent> page = new ArrayList<>();
        for (Recorded recorded : events) {
            AuditEvent event = AuditEvents.of(recorded);
            if (filter.matches(event, recorded.message().getPayload())) {
                if (page.size() == limit) {
                    return new AuditEventPage(page, page.get(page.size() - 1).position());
                }
                page.add(event);
            }
        }
        return new AuditEventPage(page, null);
    }

}
