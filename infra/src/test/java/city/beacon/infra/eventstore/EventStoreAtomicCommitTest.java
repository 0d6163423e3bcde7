package city.beacon.infra.eventstore;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static city.beacon.infra.eventstore.Events.event;
import static city.beacon.infra.eventstore.Events.readFrom;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A unit of work's events become visible all together or not at all. */
class EventStoreAtomicCommitTest {
    @TempDir
    Path directory;
    StoreFixture fixture;

    /** A payload whose serialization fails: the failure happens after the events before it were serialized. */
    static final class Unserializable {
        public String getValue() {
            throw new IllegalStateException("injected failure between two events of one commit");
        }
    }

    @BeforeEach
    void start() {
        fixture = new StoreFixture(directory);
    }

    @AfterEach
    void stop() {
        fixture.close();
    }

    @Test
    void aFailureBetweenEventsOfOneCommitLeavesNoneOfThemVisible() {
        var engine = fixture.engine();
        List<EventMessage<?>> commit = List.of(event("valve-3", 0), event("valve-3", 1),
                new GenericDomainEventMessage<>("Thing", "valve-3", 2, new Unserializable()), event("valve-3", 3));

        assertThatThrownBy(() -> engine.appendEvents(commit)).isNotNull();

        assertThat(readFrom(engine, null)).isEmpty();
        assertThat(engine.readEvents("valve-3").asStream()).isEmpty();
        assertThat(fixture.database.getCollection(EventStoreCollections.COMMITS).countDocuments()).isZero();
    }

    @Test
    void aWriterThatDiesAfterReservingLeavesAGapAndTheAggregateStaysWritable() {
        var dying = fixture.engine((first, count) -> {
            throw new IllegalStateException("writer crashed after reserving " + count + " positions at " + first);
        }, Duration.ofSeconds(60));
        assertThatThrownBy(() -> dying.appendEvents(List.of(event("valve-3", 0), event("valve-3", 1))))
                .hasMessageContaining("writer crashed");

        var engine = fixture.engine();
        engine.appendEvents(List.of(event("valve-3", 0)));

        List<TrackedEventMessage<?>> stream = readFrom(engine, null);
        assertThat(stream).hasSize(1);
        var token = (GapAwareTrackingToken) stream.get(0).trackingToken();
        assertThat(token.getIndex()).isEqualTo(3L);
        assertThat(token.getGaps()).containsExactly(1L, 2L);
        assertThat(engine.readEvents("valve-3").asStream()).hasSize(1);
    }
}
