package city.beacon.web.live;

import city.beacon.api.board.BoardRowView;
import city.beacon.api.board.DepartmentQueueItem;
import city.beacon.api.board.FindBoardQuery;
import city.beacon.api.board.FindDepartmentQueueQuery;
import city.beacon.api.common.Department;
import city.beacon.api.incident.FindIncidentQuery;
import city.beacon.api.incident.IncidentId;
import city.beacon.api.incident.IncidentView;
import city.beacon.api.incident.LiaisonRedaction;
import city.beacon.api.unit.FindUnitsQuery;
import city.beacon.api.unit.UnitView;
import city.beacon.web.messaging.Queries;
import org.axonframework.messaging.responsetypes.ResponseTypes;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.context.event.EventListener;
import org.springframework.messaging.simp.SimpMessageHeaderAccessor;
import org.springframework.stereotype.Component;
import org.springframework.web.socket.messaging.SessionSubscribeEvent;

/**
 * Sends a new subscriber the topic's full current state before any delta: the read model's, overlaid with what
 * this node's relay has already published ({@link LiveViews}), since the read model may not include it yet and the
 * subscriber drops every delta up to the snapshot's version.
 */
@Component
public class SnapshotOnSubscribe {
    private static final Comparator<DepartmentQueueItem> MOST_URGENT_FIRST = Comparator
            .comparing(DepartmentQueueItem::priority)
            .thenComparing(DepartmentQueueItem::acknowledgeBy, Comparator.nullsLast(Comparator.naturalOrder()));
    private final LiveFeed feed;
    private final Queries queries;
    private final LiveViews views;
    private final Clock clock;

    public SnapshotOnSubscribe(LiveFeed feed, Queries queries, LiveViews views, Clock clock) {
        this.feed = feed;
        this.queries = queries;
        this.views = views;
        this.clock = clock;
    }

    @EventListener
    void subscribed(SessionSubscribeEvent event) {
        var headers = SimpMessageHeaderAccessor.wrap(event.getMessage());
        String topic = headers.getDestination();
        String session = headers.getSessionId();
        String subscription = headers.getSubscriptionId();
        if (topic == null || session == null || subscription == null) {
            return;
        }
        if (Topics.BOARD.equals(topic)) {
            feed.sendSnapshot(session, subscription, topic, this::board, () -> null);
        } else if (Topics.incidentOf(topic) != null) {
            String id = Topics.incidentOf(topic);
            feed.sendSnapshot(session, subscription, topic, () -> incident(id), () -> LiaisonRedaction.forLiaison(incident(id)));
        } else if (Topics.UNITS.equals(topic)) {
            feed.sendSnapshot(session, subscription, topic, this::units, () -> null);
        } else if (Topics.departmentOf(topic) != null) {
            var department = new Department(Topics.departmentOf(topic));
            feed.sendSnapshot(session, subscription, topic, () -> queue(department), () -> null);
        }
    }

    private Object board() {
        Instant now = clock.instant();
        Map<String, BoardRowView> rows = new LinkedHashMap<>();
        queries.ask(FindBoardQuery.everything(), ResponseTypes.multipleInstancesOf(BoardRowView.class))
                .stream().filter(row -> !views.hasEnded(row.id())).forEach(row -> rows.put(row.id(), row));
        views.incidents().forEach(incident -> rows.put(incident.id(), BoardRowView.of(incident, now)));
        return rows.values().stream().sorted(Comparator.comparing(BoardRowView::reportedAt).reversed()).toList();
    }

    private Object units() {
        Map<String, UnitView> units = new LinkedHashMap<>();
        queries.ask(new FindUnitsQuery(null), ResponseTypes.multipleInstancesOf(UnitView.class))
                .forEach(unit -> units.put(unit.id(), unit));
        views.units().forEach(unit -> units.merge(unit.id(), unit,
                (stored, followed) -> followed.version() >= stored.version() ? followed : stored));
        return units.values().stream()
                .sorted(Comparator.comparing(UnitView::department).thenComparing(UnitView::id)).toList();
    }

    private IncidentView incident(String id) {
        IncidentView followed = views.incident(id);
        if (followed != null) {
            return followed;
        }
        return queries.ask(new FindIncidentQuery(new IncidentId(id)), ResponseTypes.optionalInstanceOf(IncidentView.class))
                .orElse(null);
    }

    private Object queue(Department department) {
        Instant now = clock.instant();
        var followed = views.incidents();
        var followedIds = followed.stream().map(IncidentView::id).collect(Collectors.toSet());
        List<DepartmentQueueItem> items = new ArrayList<>();
        queries.ask(new FindDepartmentQueueQuery(department), ResponseTypes.multipleInstancesOf(DepartmentQueueItem.class))
                .stream()
                .filter(item -> !followedIds.contains(item.incidentId()) && !views.hasEnded(item.incidentId()))
                .forEach(items::add);
        for (IncidentView incident : followed) {
            incident.tasks().stream()
                    .filter(task -> task.department().equals(department.code()) && !task.status().hasEnded())
                    .forEach(task -> items.add(DepartmentQueueItem.of(incident, task, now)));
        }
        items.sort(MOST_URGENT_FIRST);
        return items;
    }
}
