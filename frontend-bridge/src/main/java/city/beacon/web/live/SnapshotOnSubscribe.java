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
import org.springframework.context.event.EventListener;
import org.springframework.messaging.simp.SimpMessageHeaderAccessor;
import org.springframework.stereotype.Component;
import org.springframework.web.socket.messaging.SessionSubscribeEvent;

/** Sends a new subscriber the topic's full current state before any delta. */
@Component
public class SnapshotOnSubscribe {
    private final LiveFeed feed;
    private final Queries queries;

    public SnapshotOnSubscribe(LiveFeed feed, Queries queries) {
        this.feed = feed;
        this.queries = queries;
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
        return queries.ask(FindBoardQuery.everything(), ResponseTypes.multipleInstancesOf(BoardRowView.class));
    }

    private Object units() {
        return queries.ask(new FindUnitsQuery(null), ResponseTypes.multipleInstancesOf(UnitView.class));
    }

    private IncidentView incident(String id) {
        return queries.ask(new FindIncidentQuery(new IncidentId(id)), ResponseTypes.optionalInstanceOf(IncidentView.class))
                .orElse(null);
    }

    private Object queue(Department department) {
        return queries.ask(new FindDepartmentQueueQuery(department),
                ResponseTypes.multipleInstancesOf(DepartmentQueueItem.class));
    }
}
