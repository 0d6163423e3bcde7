package city.beacon.web.security.throttle;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;

class LoginThrottleTest {
    private static final LoginThrottle.Policy USERS = new LoginThrottle.Policy(3, Duration.ofSeconds(30),
            Duration.ofMinutes(10), 100);
    private static final LoginThrottle.Policy ADDRESSES = new LoginThrottle.Policy(5, Duration.ofSeconds(30),
            Duration.ofMinutes(10), 100);

    /** A clock the test moves by hand. */
    static final class ManualClock extends Clock {
        Instant now = Instant.parse("2026-11-28T08:00:00Z");

        @Override public ZoneId getZone() { return ZoneOffset.UTC; }
        @Override public Clock withZone(ZoneId zone) { return this; }
        @Override public Instant instant() { return now; }
    }

    private final ManualClock clock = new ManualClock();
    private final LoginThrottle throttle = new LoginThrottle(clock, USERS, ADDRESSES);

    @Test
    void theFreeAttemptsDoNotLockThenTheLockoutDoubles() {
        for (int i = 0; i < 3; i++) {
            throttle.failed("Operator", "10.0.0.1");
        }
        assertThat(throttle.lockedFor("operator", "10.0.0.9")).isZero();
        throttle.failed("operator", "10.0.0.2");
        assertThat(throttle.lockedFor("OPERATOR", "10.0.0.9")).isEqualTo(Duration.ofSeconds(30));
        throttle.failed("operator", "10.0.0.2");
        assertThat(throttle.lockedFor("operator", null)).isEqualTo(Duration.ofSeconds(60));

        clock.now = clock.now.plusSeconds(61);
        assertThat(throttle.lockedFor("operator", null)).isZero();
    }

    @Test
    void theLockoutNeverExceedsTheCeiling() {
        for (int i = 0; i < 40; i++) {
            throttle.failed("admin", null);
        }
        assertThat(throttle.lockedFor("admin", null)).isEqualTo(Duration.ofMinutes(10));
    }

    @Test
    void oneAddressGuessingManyNamesIsLockedToo() {
        for (int i = 0; i < 6; i++) {
            throttle.failed("user" + i, "10.0.0.66");
        }
        assertThat(throttle.lockedFor("someone-else", "10.0.0.66")).isPositive();
        assertThat(throttle.lockedFor("someone-else", "10.0.0.67")).isZero();
    }

    @Test
    void aSuccessClearsTheNameAndAdminsSeeTheRecords() {
        for (int i = 0; i < 4; i++) {
            throttle.failed("fire", "10.0.0.5");
        }
        assertThat(throttle.entries()).anyMatch(e -> e.kind().equals("user") && e.key().equals("fire")
                && e.failures() == 4 && e.lockedUntil() != null);
        throttle.succeeded("fire");
        assertThat(throttle.entries()).noneMatch(e -> e.kind().equals("user"));
        assertThat(throttle.lockedFor("fire", null)).isZero();
    }

    @Test
    void quietRecordsAreForgottenWhenTheTableIsFull() {
        var small = new LoginThrottle(clock, new LoginThrottle.Policy(3, Duration.ofSeconds(30),
                Duration.ofMinutes(1), 2), ADDRESSES);
        small.failed("a", null);
        small.failed("b", null);
        clock.now = clock.now.plus(Duration.ofMinutes(2));
        small.failed("c", null);
        assertThat(small.entries()).extracting(LoginThrottle.Entry::key).containsExactly("c");
    }
}
