package city.beacon.infra.store;

import com.mongodb.ServerAddress;
import com.mongodb.connection.ServerDescription;
import com.mongodb.event.ServerDescriptionChangedEvent;
import com.mongodb.event.ServerListener;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Whether the store is reachable, as the driver's own server monitor sees it (it checks every heartbeat and at once
 * when an operation fails on a connection). Nothing here queries the store, so health checks and the command path
 * can ask without waiting on a store that is gone.
 */
public class StoreConnectivity implements ServerListener {
    private final Clock clock;
    private final Map<ServerAddress, ServerDescription> servers = new ConcurrentHashMap<>();
    private final List<Consumer<State>> listeners = new CopyOnWriteArrayList<>();
    private final CountDownLatch firstContact = new CountDownLatch(1);
    private volatile State state;

    /** @param reachable false with a reason while no writable server answers; since: when that last changed */
    public record State(boolean known, boolean reachable, String reason, Instant since) {
    }

    public StoreConnectivity(Clock clock) {
        this.clock = clock;
        this.state = new State(false, false, "not connected yet", clock.instant());
    }

    public State state() {
        return state;
    }

    /** Waits until the driver has seen the store once; false when it has not within {@code limit}. */
    public boolean awaitFirstContact(Duration limit) throws InterruptedException {
        return firstContact.await(limit.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Called (on the driver's monitor thread) whenever reachability changes. */
    public void onChange(Consumer<State> listener) {
        listeners.add(listener);
    }

    @Override
    public void serverDescriptionChanged(ServerDescriptionChangedEvent event) {
        ServerDescription description = event.getNewDescription();
        servers.put(description.getAddress(), description);
        boolean reachable = servers.values().stream().anyMatch(StoreConnectivity::writable);
        State previous;
        State next;
        synchronized (this) {
            previous = state;
            if (previous.known() && previous.reachable() == reachable) {
                return;
            }
            next = new State(true, reachable, reachable ? null : reason(description), clock.instant());
            state = next;
        }
        if (reachable) {
            firstContact.countDown();
        }
        listeners.forEach(listener -> listener.accept(next));
    }

    private static boolean writable(ServerDescription server) {
        return server.isOk() && (server.isPrimary() || server.isStandAlone() || server.isShardRouter());
    }

    private static String reason(ServerDescription server) {
        Throwable failure = server.getException();
        String why = failure == null ? "no writable server" : failure.getClass().getSimpleName() + ": "
                + (failure.getCause() != null ? failure.getCause().getMessage() : failure.getMessage());
        return "store at " + server.getAddress() + " unreachable (" + why + ")";
    }
}
