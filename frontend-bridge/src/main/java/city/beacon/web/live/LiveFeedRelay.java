package city.beacon.web.live;

import city.beacon.api.board.BoardRowView;
import city.beacon.api.board.DepartmentQueueItem;
import city.beacon.api.incident.FindIncidentQuery;
import city.beacon.api.incident.IncidentId;
import city.beacon.api.incident.IncidentScoped;
import city.beacon.api.incident.IncidentTaskView;
import city.beacon.api.incident.IncidentView;
import city.beacon.api.incident.LiaisonRedaction;
import city.beacon.api.live.EventFacts;
import city.beacon.api.live.Evolved;
import city.beacon.api.live.ViewEvolution;
import city.beacon.api.task.TaskScoped;
import city.beacon.web.messaging.Queries;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;

/**
 * One relay per node that follows the shared event stream (so changes made through any node reach this node's
 * consoles) and, for each event about an incident, publishes the incident's new state to its topics. It does not
 * wait for the read model: it applies the event itself with the projection's own rule ({@link ViewEvolution}) to
 * the incident as it last published it — or, the first time, as the read model has it, if that holds every earlier
 * event of the incident (its sequence numbers tell). So what it publishes is exactly what the projection writes,
 * whichever node's projection that is, and nothing sleeps or polls.
 */
@Component
@ProcessingGroup(LiveFeedRelay.GROUP)
public class LiveFeedRelay {
    public static final String GROUP = "live-feed";
    private static final Logger log = LoggerFactory.getLogger(LiveFeedRelay.class);
    private final LiveFeed feed;
    private final LiveViews views;
    private final ViewEvolution evolution;
    private final Queries queries;
    private final Clock clock;

    public LiveFeedRelay(LiveFeed feed, LiveViews views, ViewEvolution evolution, Queries queries, Clock clock) {
        this.feed = feed;
        this.views = views;
        this.evolution = evolution;
        this.queries = queries;
        this.clock = clock;
    }

    @EventHandler
    void on(IncidentScoped event, EventMessage<?> message) {
        String id = event.incidentId().value();
        IncidentView followed = views.incident(id);
        IncidentView base = followed != null ? followed : readModel(id);
        Evolved<IncidentView> next = evolution.incident(base, event, facts(message));
        IncidentView incident;
        switch (next.outcome()) {
            case APPLIED -> incident = next.view();
            case UNCHANGED -> {
                if (followed != null || base == null) {
                    return;   // published already, or an incident no view knows
                }
                incident = base;   // the read model was first: it includes the event already
            }
            default -> {
                // The read model still misses earlier events of this incident and this node has not followed it:
                // the next event finds it complete (a console subscribing meanwhile gets the read model's state).
                log.debug("incident {}: the read model is behind event {}; not published", id, message.getIdentifier());
                return;
            }
        }
        views.remember(incident);
        publish(event, incident);
    }

    private void publish(IncidentScoped event, IncidentView incident) {
        Instant now = clock.instant();
        feed.publish(Topics.incident(incident.id()), incident, LiaisonRedaction.forLiaison(incident));
        var boardChange = incident.status().hasEnded()
                ? new Changes.BoardChange(null, incident.id())
                : new Changes.BoardChange(BoardRowView.of(incident, now), null);
        feed.publish(Topics.BOARD, boardChange, null);
        if (event instanceof TaskScoped taskEvent) {
            incident.tasks().stream()
                    .filter(task -> task.taskId().equals(taskEvent.taskId().value()))
                    .findFirst()
                    .ifPresent(task -> feed.publish(Topics.departmentTasks(task.department()),
                            queueChange(incident, task, now), null));
        }
    }

    private static Changes.QueueChange queueChange(IncidentView incident, IncidentTaskView task, Instant now) {
        return task.status().hasEnded() || incident.status().hasEnded()
                ? new Changes.QueueChange(null, task.taskId())
                : new Changes.QueueChange(DepartmentQueueItem.of(incident, task, now), null);
    }

    private IncidentView readModel(String id) {
        return queries.ask(new FindIncidentQuery(new IncidentId(id)), ResponseTypes.optionalInstanceOf(IncidentView.class))
                .orElse(null);
    }

    static EventFacts facts(EventMessage<?> message) {
        long sequence = message instanceof DomainEventMessage<?> domain ? domain.getSequenceNumber() : -1;
        return new EventFacts(message.getIdentifier(), sequence, message.getMetaData());
    }
}
