package city.beacon.saga.response;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.function.Supplier;

/** The saga's clock in tests: the fixture's own time, so deadlines and "now" agree; can lag once, on request. */
final class FixtureClock extends Clock {
    private final Supplier<Instant> fixtureTime;
    private Duration lagOnce = Duration.ZERO;

    FixtureClock(Supplier<Instant> fixtureTime) {
        this.fixtureTime = fixtureTime;
    }

    /** The next reading is this much behind the fixture, as a deadline fired early would see it. */
    void lagOnce(Duration lag) {
        lagOnce = lag;
    }

    @Override
    public Instant instant() {
        var now = fixtureTime.get().minus(lagOnce);
        lagOnce = Duration.ZERO;
        return now;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }
}
