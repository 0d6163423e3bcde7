package city.beacon.infra.store;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DiskSpaceFloorTest {
    private static final long MB = 1024 * 1024;
    private final AtomicLong usable = new AtomicLong(500 * MB);
    private final AtomicInteger asked = new AtomicInteger();
    private final MovableClock clock = new MovableClock();
    private final DiskSpaceFloor floor = new DiskSpaceFloor(() -> {
        asked.incrementAndGet();
        return usable.get();
    }, 64 * MB, clock);

    @Test
    void writesGoAheadWhileTheDiskHasAtLeastTheFloorFree() {
        usable.set(64 * MB);
        assertThat(floor.refusal()).isNull();
    }

    @Test
    void belowTheFloorTheRefusalSaysHowMuchIsFreeAndWhichSettingDecides() {
        usable.set(41 * MB);
        assertThat(floor.refusal()).isEqualTo("only 41 MB free on the disk of its data file, below its floor of "
                + "64 MB (beacon.embedded-store.min-free-space)");
    }

    @Test
    void theDiskIsAskedAtMostOncePerRecheckIntervalSoABurstOfWritesCostsOneSystemCall() {
        for (int i = 0; i < 1000; i++) {
            floor.refusal();
        }
        assertThat(asked).hasValue(1);

        usable.set(MB);
        assertThat(floor.refusal()).as("within the interval: the last reading").isNull();
        clock.advance(DiskSpaceFloor.RECHECK_EVERY);
        assertThat(floor.refusal()).as("after it: asked again").isNotNull();
        assertThat(asked).hasValue(2);
    }

    @Test
    void spaceFreedIsNoticedWithinOneRecheckIntervalWithoutARestart() {
        usable.set(10 * MB);
        assertThat(floor.refusal()).isNotNull();
        usable.set(200 * MB);
        clock.advance(DiskSpaceFloor.RECHECK_EVERY);
        assertThat(floor.refusal()).isNull();
    }

    @Test
    void anOperatorsChangeOfTheFloorAppliesToTheVeryNextWrite() {
        assertThat(floor.refusal()).isNull();
        assertThat(floor.change(1024 * MB)).isEqualTo(64 * MB);
        assertThat(floor.refusal()).contains("below its floor of 1024 MB");
        floor.change(0);
        assertThat(floor.refusal()).isNull();
    }

    @Test
    void aNegativeFloorIsRefused() {
        assertThatThrownBy(() -> floor.change(-1)).isInstanceOf(IllegalArgumentException.class);
        assertThat(floor.floorBytes()).isEqualTo(64 * MB);
    }

    private static final class MovableClock extends Clock {
        private volatile Instant now = Instant.parse("2026-12-02T08:00:00Z");

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public Instant instant() {
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
}
