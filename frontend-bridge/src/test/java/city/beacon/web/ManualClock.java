package city.beacon.web;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** A clock the tests move by hand. */
public final class ManualClock extends Clock {
    private volatile Instant now = Instant.parse("2026-11-28T08:00:00Z");

    @Override public ZoneId getZone() { return ZoneOffset.UTC; }
    @Override public Clock withZone(ZoneId zone) { return this; }
    @Override public Instant instant() { return now; }

    public void advance(Duration by) {
        now = now.plus(by);
    }
}
