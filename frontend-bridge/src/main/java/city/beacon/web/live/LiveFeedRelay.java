package city.beacon.web.live;

import city.beacon.api.board.BoardRowView;
import city.beacon.api.board.DepartmentQueueItem;
import city.beacon.api.incident.FindIncidentQuery;
import city.beacon.api.incident.IncidentScoped;
import city.beacon.api.incident.IncidentTaskView;
import city.beacon.api.incident.IncidentView;
import city.beacon.api.incident.LiaisonRedaction;
import city.beacon.api.task.TaskScoped;
import city.beacon.web.messaging.Queries;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/**
 * One relay per node that follows the shared event stream (so changes made on any node reach this node's
 * consoles) and, for each event about an incident, publishes the incident's new state to its topics. It waits for
 * the incident's read model to include the event, so what it publishes is what a reload would show.
 */
@Component
@ProcessingGroup(LiveFeedRelay.GROUP)
public class LiveFeedRelay {
    public static final String GROUP = "live-feed";
    private static final Logger log = LoggerFactory.getLogger(LiveFeedRelay.class);
    private static final Duration READ_MODEL_WAIT = Duration.ofSeconds(3);
    private final LiveFeed feed;
    private final Queries queries;
    private final Clock clock;

    public LiveFeedRelay(LiveFeed feed, Queries queries, Clock clock) {
        this.feed = feed;
        this.queries = queries;
        this.clock = clock;
    }

    @EventHandler
    void on(IncidentScoped event, EventMessage<?> message) throws InterruptedException {
        IncidentView incident = awaitApplied(event.incidentId().value(), message.getIdentifier());
        if (incident == null) {
            log.warn("incident {} did not show event {} in time; consoles resynchronise on their next message",
                    event.incidentId(), message.getIdentifier());
            return;
        }
        var now = clock.instant();
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

    private static Changes.QueueChange queueChange(IncidentView incident, IncidentTaskView task, java.time.Instant now) {
        return task.status().hasEnded() || incident.status().hasEnded()
                ? new Changes.QueueChange(null, task.taskId())
                : new Changes.QueueChange(DepartmentQueueItem.of(incident, task, now), null);
    }

    private IncidentView awaitApplied(String incidentId, String eventId) throws InterruptedException {
        long deadline = System.nanoTime() + READ_MODEL_WAIT.toNanos();
        do {
            Optional<IncidentView> view = queries.ask(new FindIncidentQuery(new city.beacon.api.incident.IncidentId(incidentId)),
                    ResponseTypes.optionalInstanceOf(IncidentView.class));
            if (view.isPresent() && view.get().timeline().stream().anyMatch(line -> eventId.equals(line.eventId()))) {
                return view.get();
            }
            Thread.sleep(15);
        } while (System.nanoTime() < deadline);
        return null;
    }
}
