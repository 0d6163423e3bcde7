package city.beacon.infra.store;

import org.springframework.util.unit.DataSize;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * Refuses the store's writes while the disk of its data file has less usable space than a floor
 * ({@code beacon.embedded-store.min-free-space}). Waiting for the disk to fill up is not an option: an MVStore whose
 * write fails (no space left, read-only file system) closes itself for good ("panic" in H2), and every later request
 * would fail until the store process is restarted. Refused above the floor, a write changes nothing, the file stays
 * healthy, and the store takes writes again by itself as soon as space is freed.
 * <p>
 * The file system is asked at most once per {@link #RECHECK_EVERY}, so a burst of writes costs one system call.
 */
final class DiskSpaceFloor {
    static final DataSize DEFAULT = DataSize.ofMegabytes(64);
    static final Duration RECHECK_EVERY = Duration.ofMillis(100);

    private final LongSupplier usableSpace;
    private final Clock clock;
    private volatile long floorBytes;
    private volatile Reading last;

    private record Reading(long at, long usable) {
    }

    DiskSpaceFloor(LongSupplier usableSpace, long floorBytes, Clock clock) {
        this.usableSpace = usableSpace;
        this.clock = clock;
        this.floorBytes = requireNotNegative(floorBytes);
    }

    /** The floor for the file system holding {@code file}. */
    static DiskSpaceFloor of(Path file, DataSize floor, Clock clock) {
        FileStore disk = fileStore(file.toAbsolutePath().getParent());
        return new DiskSpaceFloor(() -> {
            try {
                return disk.getUsableSpace();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the free space of " + disk, e);
            }
        }, floor.toBytes(), clock);
    }

    private static FileStore fileStore(Path directory) {
        try {
            return Files.getFileStore(directory);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot find the file system of " + directory, e);
        }
    }

    /** Why a write must be refused now, or null when it may go ahead. */
    String refusal() {
        long usable = usable();
        long floor = floorBytes;
        if (usable >= floor) {
            return null;
        }
        return "only " + human(usable) + " free on the disk of its data file, below its floor of " + human(floor)
                + " (beacon.embedded-store.min-free-space)";
    }

    /** Changes the floor at once (an operator's {@code setParameter}); returns the previous one. */
    long change(long bytes) {
        long previous = floorBytes;
        floorBytes = requireNotNegative(bytes);
        last = null;
        return previous;
    }

    long floorBytes() {
        return floorBytes;
    }

    private long usable() {
        long now = clock.millis();
        Reading reading = last;
        if (reading == null || now - reading.at() >= RECHECK_EVERY.toMillis() || now < reading.at()) {
            reading = new Reading(now, usableSpace.getAsLong());
            last = reading;
        }
        return reading.usable();
    }

    private static long requireNotNegative(long bytes) {
        if (bytes < 0) {
            throw new IllegalArgumentException("the free-space floor cannot be negative: " + bytes);
        }
        return bytes;
    }

    private static String human(long bytes) {
        if (bytes >= 10L * 1024 * 1024 * 1024) {
            return bytes / (1024L * 1024 * 1024) + " GB";
        }
        if (bytes >= 10L * 1024 * 1024) {
            return bytes / (1024L * 1024) + " MB";
        }
        return bytes / 1024 + " KB";
    }
}
