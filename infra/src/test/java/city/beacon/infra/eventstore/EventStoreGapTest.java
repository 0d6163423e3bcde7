package city.beacon.infra.eventstore;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static city.beacon.infra.eventstore.Events.event;
import static city.beacon.infra.eventstore.Events.positionsOf;
import static city.beacon.infra.eventstore.Events.readFrom;
import static org.assertj.core.api.Assertions.assertThat;

/** Commits that land late are still delivered; positions that never land stop being waited for. */
class EventStoreGapTest {
    private static final Duration GAP_TIMEOUT = Duration.ofSeconds(30);

    @TempDir
    Path directory;
    StoreFixture fixture;

    @BeforeEach
    void start() {
        fixture = new StoreFixture(directory);
    }

    @AfterEach
    void stop() {
        fixture.close();
    }

    @Test
    void aCommitThatStallsAfterReservingItsPositionIsStillDeliveredInPositionOrder() throws Exception {
        var reserved = new CountDownLatch(1);
        var resume = new CountDownLatch(1);
        var stalling = fixture.engine((first, count) -> {
            reserved.countDown();
            await(resume);
        }, GAP_TIMEOUT);
        var engine = fixture.engine(CommitHook.NONE, GAP_TIMEOUT);

        var stalled = CompletableFuture.runAsync(() -> stalling.appendEvents(List.of(event("slow", 0), event("slow", 1))));
        assertThat(reserved.await(30, TimeUnit.SECONDS)).isTrue();
        engine.appendEvents(List.of(event("fast", 0)));
        engine.appendEvents(List.of(event("fast", 1)));

        List<TrackedEventMessage<?>> before = readFrom(engine, null);
        assertThat(before).extracting(e -> ((Events.SomethingHappened) e.getPayload()).aggregateId())
                .containsExactly("fast", "fast");
        var token = (GapAwareTrackingToken) before.get(1).trackingToken();
        assertThat(token.getGaps()).containsExactly(1L, 2L);

        fixture.clock.advance(Duration.ofSeconds(5));   // the stall: long, but shorter than the gap timeout
        resume.countDown();
        stalled.get(30, TimeUnit.SECONDS);

        List<TrackedEventMessage<?>> after = readFrom(engine, token);
        assertThat(after).extracting(EventMessage::getIdentifier).hasSize(2);
        assertThat(after).extracting(e -> ((Events.SomethingHappened) e.getPayload()).sequence()).containsExactly(0L, 1L);
        assertThat(((GapAwareTrackingToken) after.get(1).trackingToken()).getGaps()).isEmpty();

        List<TrackedEventMessage<?>> newReader = readFrom(engine, null);
        assertThat(positionsOf(newReader)).containsExactly(1L, 2L, 3L, 4L);
        assertThat(newReader).extracting(e -> ((Events.SomethingHappened) e.getPayload()).aggregateId())
                .containsExactly("slow", "slow", "fast", "fast");
    }

    @Test
    void aHeadTokenStillWaitsForACommitInFlightBelowIt() throws Exception {
        var reserved = new CountDownLatch(1);
        var resume = new CountDownLatch(1);
        var stalling = fixture.engine((first, count) -> {
            reserved.countDown();
            await(resume);
        }, GAP_TIMEOUT);
        var engine = fixture.engine(CommitHook.NONE, GAP_TIMEOUT);
        var stalled = CompletableFuture.runAsync(() -> stalling.appendEvents(List.of(event("slow", 0))));
        assertThat(reserved.await(30, TimeUnit.SECONDS)).isTrue();
        engine.appendEvents(List.of(event("fast", 0)));

        var head = (GapAwareTrackingToken) engine.createHeadToken();
        resume.countDown();
        stalled.get(30, TimeUnit.SECONDS);

        assertThat(head.getIndex()).isEqualTo(2L);
        assertThat(head.getGaps()).containsExactly(1L);
        assertThat(readFrom(engine, head)).extracting(e -> ((Events.SomethingHappened) e.getPayload()).aggregateId())
                .containsExactly("slow");
    }

    @Test
    void aPositionNeverWrittenIsAGapUntilTheTimeoutThenNoLongerAwaited() {
        var engine = fixture.engine(CommitHook.NONE, GAP_TIMEOUT);
        new PositionCounter(fixture.database.getCollection(EventStoreCollections.COUNTERS)).reserve(1);
        engine.appendEvents(List.of(event("a", 0)));

        List<TrackedEventMessage<?>> first = readFrom(engine, null);
        assertThat(first).hasSize(1);
        assertThat(gapsOf(first)).containsExactly(1L);

        fixture.clock.advance(GAP_TIMEOUT.minusSeconds(1));
        engine.appendEvents(List.of(event("a", 1)));
        List<TrackedEventMessage<?>> second = readFrom(engine, last(first));
        assertThat(second).hasSize(1);
        assertThat(gapsOf(second)).containsExactly(1L);

        fixture.clock.advance(Duration.ofSeconds(2));
        engine.appendEvents(List.of(event("a", 2)));
        List<TrackedEventMessage<?>> third = readFrom(engine, last(second));
        assertThat(third).hasSize(1);
        assertThat(gapsOf(third)).isEmpty();
    }

    @Test
    void moreUnwrittenPositionsThanABatchDoNotLookLikeTheEndOfTheStream() {
        var engine = fixture.engine(CommitHook.NONE, GAP_TIMEOUT);
        engine.appendEvents(List.of(event("a", 0)));
        new PositionCounter(fixture.database.getCollection(EventStoreCollections.COUNTERS)).reserve(350);
        engine.appendEvents(List.of(event("a", 1)));

        List<TrackedEventMessage<?>> stream = readFrom(engine, null);

        assertThat(stream).hasSize(2);
        assertThat(stream.get(1).trackingToken().position()).hasValue(352L);
        assertThat(gapsOf(stream)).hasSize(350);
    }

    @Test
    void aReplayOfOldEventsKeepsNoGapsForPositionsLongAbandoned() {
        var engine = fixture.engine(CommitHook.NONE, GAP_TIMEOUT);
        new PositionCounter(fixture.database.getCollection(EventStoreCollections.COUNTERS)).reserve(5);
        engine.appendEvents(List.of(event("a", 0)));
        fixture.clock.advance(GAP_TIMEOUT.plusSeconds(1));

        assertThat(gapsOf(readFrom(engine, null))).isEmpty();
    }

    private static List<Long> gapsOf(List<TrackedEventMessage<?>> events) {
        return List.copyOf(((GapAwareTrackingToken) last(events)).getGaps());
    }

    private static org.axonframework.eventhandling.TrackingToken last(List<TrackedEventMessage<?>> events) {
        return events.get(events.size() - 1).trackingToken();
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(60, TimeUnit.SECONDS)) {
                throw new IllegalStateException("test never resumed the stalled commit");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
