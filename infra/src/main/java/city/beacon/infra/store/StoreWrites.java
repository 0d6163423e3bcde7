package city.beacon.infra.store;

import com.mongodb.event.CommandFailedEvent;
import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandSucceededEvent;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Whether the store accepts this node's writes, as the answers to them show. The driver's server monitor
 * ({@link StoreConnectivity}) sees a store that answers its heartbeats as healthy even while it refuses every write
 * (its disk is full); this listener sees every command the node sends: a write refused by the store
 * ({@link MongoStoreFailures#writeRefusal}) turns it to refusing, and the next write the store takes, from any part of
 * Beacon or from {@link StoreWriteProbe}, turns it back. Nothing here queries the store.
 */
public class StoreWrites implements CommandListener {
    /** The commands that write; a duplicate key or another refusal of their content still means the store writes. */
    private static final Set<String> WRITES = Set.of("insert", "update", "delete", "findAndModify");

    private final Clock clock;
    private final List<Consumer<State>> listeners = new CopyOnWriteArrayList<>();
    private volatile State state;
    /** When the last refusal was seen ({@link System#nanoTime}): only a write sent after it shows the store writes. */
    private volatile long lastRefusal;

    /** @param detail the store's own words while it refuses, for admins; since: when that last changed */
    public record State(boolean accepting, String reason, String detail, Instant since) {
    }

    public StoreWrites(Clock clock) {
        this.clock = clock;
        this.state = new State(true, null, null, clock.instant());
    }

    public State state() {
        return state;
    }

    /** Called, on the thread whose command showed it, whenever the store starts or stops refusing writes. */
    public void onChange(Consumer<State> listener) {
        listeners.add(listener);
    }

    @Override
    public void commandFailed(CommandFailedEvent event) {
        var refusal = MongoStoreFailures.writeRefusal(event.getThrowable());
        if (refusal != null) {
            lastRefusal = System.nanoTime();
            change(new State(false, refusal.reason(), refusal.detail(), clock.instant()));
        }
    }

    /**
     * A write that was sent before the last refusal may have passed the store's check before it began refusing
     * (one waiting for a group commit takes a while): its success says nothing about now.
     */
    @Override
    public void commandSucceeded(CommandSucceededEvent event) {
        if (!state.accepting() && WRITES.contains(event.getCommandName())
                && System.nanoTime() - event.getElapsedTime(TimeUnit.NANOSECONDS) - lastRefusal > 0) {
            change(new State(true, null, null, clock.instant()));
        }
    }

    /** Listeners hear of transitions only, in order (under the lock: they only hand work to threads of their own). */
    private synchronized void change(State next) {
        State previous = state;
        if (previous.accepting() == next.accepting()) {
            if (!next.accepting()) {
                state = new State(false, next.reason(), next.detail(), previous.since());   // the latest words
            }
            return;
        }
        state = next;
        listeners.forEach(listener -> listener.accept(next));
    }
}
