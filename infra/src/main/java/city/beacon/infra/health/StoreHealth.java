package city.beacon.infra.health;

import city.beacon.infra.store.StoreConnectivity;
import city.beacon.infra.store.StoreWrites;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;

/**
 * {@code store}: DOWN, with the reason and since when, while no writable store answers or while the store refuses
 * this node's writes (e.g. its disk is full). Never blocks.
 */
class StoreHealth implements HealthIndicator {
    private final StoreConnectivity connectivity;
    private final StoreWrites writes;

    StoreHealth(StoreConnectivity connectivity, StoreWrites writes) {
        this.connectivity = connectivity;
        this.writes = writes;
    }

    @Override
    public Health health() {
        var state = connectivity.state();
        var written = writes.state();
        if (state.reachable() && !written.accepting()) {
            return Health.down().withDetail("reason", written.reason() + " (" + written.detail() + ")")
                    .withDetail("since", written.since().toString()).build();
        }
        if (state.reachable()) {
            return Health.up().withDetail("since", state.since().toString()).build();
        }
        return Health.down().withDetail("reason", state.reason()).withDetail("since", state.since().toString()).build();
    }
}
