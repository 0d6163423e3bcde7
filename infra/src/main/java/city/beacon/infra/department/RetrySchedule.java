package city.beacon.infra.department;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * How long a department's line waits before trying its oldest notice again: doubling from {@code first} up to
 * {@code max}, each wait shortened by up to a fifth at random so that departments recovering together are not hit
 * in lockstep. There is no limit on tries; {@code giveUpAfter} (the notice's age) ends a delivery instead.
 */
record RetrySchedule(Duration first, Duration max, Duration giveUpAfter) {

    /** @param failedTries tries of this notice so far, all failed (at least 1) */
    Duration after(int failedTries) {
        long firstMs = first.toMillis();
        long maxMs = max.toMillis();
        int doublings = Math.min(Math.max(failedTries - 1, 0), 30);
        long wait = firstMs << doublings;
        if (wait <= 0 || wait > maxMs) {
            wait = maxMs;
        }
        long jitter = wait / 5 == 0 ? 0 : ThreadLocalRandom.current().nextLong(wait / 5 + 1);
        return Duration.ofMillis(wait - jitter);
    }
}
