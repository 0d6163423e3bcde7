package city.beacon.infra.eventstore;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.LongStream;

import static city.beacon.infra.eventstore.Events.event;
import static city.beacon.infra.eventstore.Events.positionsOf;
import static city.beacon.infra.eventstore.Events.readFrom;
import static org.assertj.core.api.Assertions.assertThat;

/** Tracking readers get every committed event exactly once, never out of an aggregate's order, with no skips. */
class EventStoreTrackingTest {
    private static final int WRITERS = 8;
    private static final int COMMITS_PER_WRITER = 400;
    private static final int AGGREGATES_PER_WRITER = 5;

    @TempDir
    Path directory;
    StoreFixture fixture;
    BeaconEventStorageEngine engine;

    @BeforeEach
    void start() {
        fixture = new StoreFixture(directory);
        engine = fixture.engine();
    }

    @AfterEach
    void stop() {
        fixture.close();
    }

    @Test
    void twoReadersSeeEveryEventOfEightConcurrentWritersExactlyOnceInOrder() throws Exception {
        Set<String> written = ConcurrentHashMap.newKeySet();
        var writersDone = new AtomicBoolean();
        ExecutorService pool = Executors.newFixedThreadPool(WRITERS + 2);
        List<Future<List<TrackedEventMessage<?>>>> readers = List.of(
                pool.submit(() -> follow(written, writersDone)), pool.submit(() -> follow(written, writersDone)));
        List<Future<?>> writers = new ArrayList<>();
        for (int w = 0; w < WRITERS; w++) {
            int writer = w;
            writers.add(pool.submit(() -> write(writer, written)));
        }
        for (Future<?> writer : writers) {
            writer.get(3, TimeUnit.MINUTES);
        }
        writersDone.set(true);

        for (Future<List<TrackedEventMessage<?>>> reader : readers) {
            List<TrackedEventMessage<?>> seen = reader.get(2, TimeUnit.MINUTES);
            List<String> ids = seen.stream().map(EventMessage::getIdentifier).toList();
            assertThat(ids).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(written);
            assertAggregateOrder(seen);
        }
        pool.shutdown();

        List<TrackedEventMessage<?>> replay = readFrom(engine, null);
        assertThat(positionsOf(replay)).containsExactlyElementsOf(
                LongStream.rangeClosed(1, written.size()).boxed().toList());
    }

    private void write(int writer, Set<String> written) {
        long[] next = new long[AGGREGATES_PER_WRITER];
        var random = ThreadLocalRandom.current();
        for (int c = 0; c < COMMITS_PER_WRITER; c++) {
            int aggregate = random.nextInt(AGGREGATES_PER_WRITER);
            List<DomainEventMessage<?>> commit = new ArrayList<>();
            for (int e = random.nextInt(1, 4); e > 0; e--) {
                commit.add(event("w" + writer + "-a" + aggregate, next[aggregate]++));
            }
            engine.appendEvents(commit);
            commit.forEach(event -> written.add(event.getIdentifier()));
        }
    }

    /** A tracking reader: reads on from its last token until the writers are done and it has caught up. */
    private List<TrackedEventMessage<?>> follow(Set<String> written, AtomicBoolean writersDone) {
        List<TrackedEventMessage<?>> seen = new ArrayList<>();
        TrackingToken token = null;
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
        while (!(writersDone.get() && seen.size() >= written.size()) && System.nanoTime() < deadline) {
            List<TrackedEventMessage<?>> batch = readFrom(engine, token);
            if (batch.isEmpty()) {
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(2));   // polling pause, not a timing assumption
                continue;
            }
            seen.addAll(batch);
            token = batch.get(batch.size() - 1).trackingToken();
        }
        return seen;
    }

    private static void assertAggregateOrder(List<TrackedEventMessage<?>> seen) {
        Map<String, Long> last = new HashMap<>();
        for (TrackedEventMessage<?> event : seen) {
            var domain = (DomainEventMessage<?>) event;
            long previous = last.getOrDefault(domain.getAggregateIdentifier(), -1L);
            assertThat(domain.getSequenceNumber()).as("order of %s", domain.getAggregateIdentifier())
                    .isEqualTo(previous + 1);
            last.put(domain.getAggregateIdentifier(), domain.getSequenceNumber());
        }
    }
}
