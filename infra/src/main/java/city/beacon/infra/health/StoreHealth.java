package city.beacon.infra.health;

import city.beacon.infra.store.StoreConnectivity;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;

/** {@code store}: DOWN, with the driver's reason and since when, while no writable store answers. Never blocks. */
class StoreHealth implements HealthIndicator {
    private final StoreConnectivity connectivity;

    StoreHealth(StoreConnectivity connectivity) {
        this.connectivity = connectivity;
    }

    @Override
    public Health health() {
        var state = connectivity.state();
        if (state.reachable()) {
            return Health.up().withDetail("since", state.since().toString()).build();
        }
        return Health.down().withDetail("reason", state.reason()).withDetail("since", state.since().toString()).build();
    }
}
