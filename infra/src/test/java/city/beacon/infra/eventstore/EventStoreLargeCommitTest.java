package city.beacon.infra.eventstore;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.LongStream;

import static city.beacon.infra.eventstore.Events.positionsOf;
import static city.beacon.infra.eventstore.Events.readFrom;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Commits of many large events read back once each by every reader. The embedded server answers an {@code $in} over
 * a multikey index with a commit once per key it holds: asking a 300-event commit of ~2 KB events for all its
 * positions would be a ~180 MB reply (the driver refuses anything over 48 MB) unless the engine de-duplicates
 * before it reads whole commits (before it did, the embedded server spun for minutes assembling such replies: hence the
 * timeout).
 */
@Timeout(120)
class EventStoreLargeCommitTest {
    private static final int EVENTS_PER_COMMIT = 300;
    private static final String NOTE = "n".repeat(2_000);

    @TempDir
    Path directory;
    StoreFixture fixture;
    BeaconEventStorageEngine engine;

    @BeforeEach
    void start() {
        fixture = new StoreFixture(directory);
        engine = fixture.engine();
        engine.appendEvents(largeCommit("first", 0));
        engine.appendEvents(largeCommit("second", 0));
        engine.appendEvents(largeCommit("first", EVENTS_PER_COMMIT));
    }

    @AfterEach
    void stop() {
        fixture.close();
    }

    @Test
    void trackingReadersGetEveryEventOfLargeCommitsOnce() {
        List<TrackedEventMessage<?>> read = readFrom(engine, null);

        assertThat(positionsOf(read)).containsExactlyElementsOf(positions(1, 3L * EVENTS_PER_COMMIT));
    }

    @Test
    void anAggregateSpreadOverLargeCommitsReadsBackOnceInSequenceOrder() {
        List<Long> sequences = new ArrayList<>();
        engine.readEvents("first").asStream().forEach(e -> sequences.add(e.getSequenceNumber()));

        assertThat(sequences).containsExactlyElementsOf(positions(0, 2L * EVENTS_PER_COMMIT - 1));
        assertThat(engine.lastSequenceNumberFor("first")).contains(2L * EVENTS_PER_COMMIT - 1);
        assertThat(engine.lastSequenceNumberFor("second")).contains((long) EVENTS_PER_COMMIT - 1);
    }

    @Test
    void auditReadsOfEveryPositionAnswerEachEventOnce() {
        var all = positions(1, 3L * EVENTS_PER_COMMIT);

        assertThat(engine.history().at(all)).extracting(StoredHistory.Recorded::position)
                .containsExactlyElementsOf(all);
        assertThat(engine.history().textAt(all)).extracting(StoredHistory.StoredText::position)
                .containsExactlyElementsOf(all);
    }

    @Test
    void commitsOfSeveralAggregatesAreEachReadOnceWhenAskedForManyOfTheirKeys() {
        var lookup = new CommitLookup(fixture.database.getCollection(EventStoreCollections.COMMITS));

        var events = lookup.byPositions(positions(1, 3L * EVENTS_PER_COMMIT));

        assertThat(events).extracting(StoredEvent::position)
                .doesNotHaveDuplicates()
                .hasSize(3 * EVENTS_PER_COMMIT);
    }

    private static List<DomainEventMessage<?>> largeCommit(String aggregateId, long firstSequence) {
        List<DomainEventMessage<?>> events = new ArrayList<>();
        for (long seq = firstSequence; seq < firstSequence + EVENTS_PER_COMMIT; seq++) {
            events.add(new GenericDomainEventMessage<>("Thing", aggregateId, seq,
                    new Events.SomethingHappened(aggregateId, seq, NOTE)));
        }
        return events;
    }

    private static List<Long> positions(long first, long last) {
        return LongStream.rangeClosed(first, last).boxed().toList();
    }
}
