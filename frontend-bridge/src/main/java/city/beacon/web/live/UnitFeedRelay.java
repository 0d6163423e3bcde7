package city.beacon.web.live;

import city.beacon.api.unit.FindUnitQuery;
import city.beacon.api.unit.UnitScoped;
import city.beacon.api.unit.UnitView;
import city.beacon.web.messaging.Queries;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.Optional;

/**
 * Publishes a unit's new state on {@code /topic/units} for each event about it. Part of the live relay's processing
 * group, so it too follows the whole shared stream on every node. Like the incident relay, it waits until the units
 * read model includes the event (the unit's version has reached the event's sequence number), so what it publishes
 * is what a reload would show.
 */
@Component
@ProcessingGroup(LiveFeedRelay.GROUP)
public class UnitFeedRelay {
    private static final Logger log = LoggerFactory.getLogger(UnitFeedRelay.class);
    private static final Duration READ_MODEL_WAIT = Duration.ofSeconds(3);
    private final LiveFeed feed;
    private final Queries queries;

    public UnitFeedRelay(LiveFeed feed, Queries queries) {
        this.feed = feed;
        this.queries = queries;
    }

    @EventHandler
    void on(UnitScoped event, @SequenceNumber long seq) throws InterruptedException {
        UnitView unit = awaitApplied(event, seq);
        if (unit == null) {
            log.warn("unit {} did not show event {} in time; consoles resynchronise on their next message",
                    event.unitId(), seq);
            return;
        }
        feed.publish(Topics.UNITS, new UnitChange(unit), null);
    }

    private UnitView awaitApplied(UnitScoped event, long seq) throws InterruptedException {
        long deadline = System.nanoTime() + READ_MODEL_WAIT.toNanos();
        do {
            Optional<UnitView> view = queries.ask(new FindUnitQuery(event.unitId()),
                    ResponseTypes.optionalInstanceOf(UnitView.class));
            if (view.isPresent() && view.get().version() >= seq) {
                return view.get();
            }
            Thread.sleep(15);
        } while (System.nanoTime() < deadline);
        return null;
    }
}
