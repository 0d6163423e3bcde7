package city.beacon.infra.eventstore;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;

/** Concurrent reservations never share a position (mongo-java-server's "return after" image would let them). */
class PositionCounterTest {
    @TempDir
    Path directory;

    @Test
    void concurrentReservationsGetDisjointConsecutiveRanges() throws Exception {
        try (var fixture = new StoreFixture(directory)) {
            var counter = new PositionCounter(fixture.database.getCollection(EventStoreCollections.COUNTERS));
            Set<Long> positions = ConcurrentHashMap.newKeySet();
            ExecutorService pool = Executors.newFixedThreadPool(8);
            List<Future<?>> threads = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                threads.add(pool.submit(() -> {
                    for (int i = 0; i < 200; i++) {
                        long first = counter.reserve(3);
                        for (long p = first; p < first + 3; p++) {
                            assertThat(positions.add(p)).as("position %d handed out twice", p).isTrue();
                        }
                    }
                }));
            }
            for (Future<?> thread : threads) {
                thread.get();
            }
            pool.shutdown();

            assertThat(positions).containsExactlyInAnyOrderElementsOf(LongStream.rangeClosed(1, 4_800).boxed().toList());
            assertThat(counter.head()).isEqualTo(4_800L);
        }
    }
}
