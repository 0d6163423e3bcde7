package city.beacon.infra.eventstore;

import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static city.beacon.infra.eventstore.Events.event;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The unique aggregate-key index lets exactly one of several writers of the same sequence number win. */
class EventStoreConcurrencyTest {
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
    void ofWritersRacingForTheSameSequenceOneWinsTheOthersGetConcurrencyException() throws Exception {
        engine.appendEvents(List.of(event("incident-9", 0)));
        int writers = 6;
        var go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        List<Future<Throwable>> outcomes = new ArrayList<>();
        for (int i = 0; i < writers; i++) {
            outcomes.add(pool.submit(() -> {
                go.await();
                try {
                    engine.appendEvents(List.of(event("incident-9", 1), event("incident-9", 2)));
                    return null;
                } catch (RuntimeException e) {
                    return e;
                }
            }));
        }
        go.countDown();
        List<Throwable> failures = new ArrayList<>();
        for (Future<Throwable> outcome : outcomes) {
            Throwable failure = outcome.get();
            if (failure != null) {
                failures.add(failure);
            }
        }
        pool.shutdown();

        assertThat(failures).hasSize(writers - 1).allSatisfy(f -> assertThat(f).isInstanceOf(ConcurrencyException.class));
        assertThat(engine.readEvents("incident-9").asStream()).hasSize(3);
    }

    @Test
    void aConflictInTheMiddleOfACommitRejectsTheWholeCommit() {
        engine.appendEvents(List.of(event("incident-9", 0), event("incident-9", 1)));

        assertThatThrownBy(() -> engine.appendEvents(List.of(event("other", 0), event("incident-9", 1))))
                .isInstanceOf(ConcurrencyException.class);

        assertThat(engine.readEvents("other").asStream()).isEmpty();
    }

    @Test
    void creatingAnAggregateTwiceIsRefusedAsAxonDoes() {
        engine.appendEvents(List.of(event("incident-9", 0)));

        // Axon's own engines report a duplicate first event this way; it is not retried, as a retry cannot succeed.
        assertThatThrownBy(() -> engine.appendEvents(List.of(event("incident-9", 0))))
                .isInstanceOf(AggregateStreamCreationException.class);
    }
}
