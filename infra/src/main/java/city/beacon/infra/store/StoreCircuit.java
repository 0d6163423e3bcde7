package city.beacon.infra.store;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.concurrent.TimeUnit;

/**
 * The circuit breaker in front of every command and query that reaches the store (Resilience4j instance
 * {@code store}). It opens in two ways: at once when the driver's monitor reports the store unreachable (forced
 * open until the monitor sees it again), and by counting, when calls fail with store failures although the
 * monitor still sees the store (a hung store timing out; not a store refusing writes at once, see {@link StoreGate});
 * then it lets a probe through every {@code wait-duration-in-open-state}. While open, callers are refused in
 * microseconds instead of each waiting out the driver's time limits on a thread of their own.
 */
public class StoreCircuit {
    private static final Logger log = LoggerFactory.getLogger(StoreCircuit.class);
    private final CircuitBreaker breaker;
    private final StoreConnectivity connectivity;

    public StoreCircuit(CircuitBreaker breaker, StoreConnectivity connectivity) {
        this.breaker = breaker;
        this.connectivity = connectivity;
        connectivity.onChange(this::follow);
    }

    private void follow(StoreConnectivity.State state) {
        if (!state.reachable()) {
            log.warn("{}: refusing commands and queries until it answers again", state.reason());
            breaker.transitionToForcedOpenState();
        } else if (breaker.getState() != CircuitBreaker.State.CLOSED) {
            log.info("store reachable again; accepting commands and queries");
            breaker.transitionToClosedState();
        }
    }

    /** @throws StoreUnreachableException when the circuit is open */
    public void acquire() {
        try {
            breaker.acquirePermission();
        } catch (CallNotPermittedException refused) {
            // Said to every client: no address or driver detail (admins find those in health and the log).
            var state = connectivity.state();
            throw new StoreUnreachableException(state.known() && !state.reachable()
                    ? "the store has been unreachable since " + state.since()
                    : "the store failed repeatedly just now; Beacon retries it every few seconds");
        }
    }

    public void succeeded(long nanos) {
        breaker.onSuccess(nanos, TimeUnit.NANOSECONDS);
    }

    public void failed(long nanos, Throwable failure) {
        breaker.onError(nanos, TimeUnit.NANOSECONDS, failure);
    }

    public CircuitBreaker.State state() {
        return breaker.getState();
    }
}
