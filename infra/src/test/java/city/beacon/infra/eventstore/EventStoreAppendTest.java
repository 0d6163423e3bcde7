package city.beacon.infra.eventstore;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.LongStream;

import static city.beacon.infra.eventstore.Events.broadcast;
import static city.beacon.infra.eventstore.Events.event;
import static city.beacon.infra.eventstore.Events.positionsOf;
import static city.beacon.infra.eventstore.Events.readFrom;
import static org.assertj.core.api.Assertions.assertThat;

/** Appending gives every event a unique increasing position; aggregates read back by key. */
class EventStoreAppendTest {
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
    void everyCommittedEventGetsTheNextGlobalPosition() {
        engine.appendEvents(List.of(event("a", 0), event("a", 1), event("a", 2)));
        engine.appendEvents(List.of(event("b", 0)));
        engine.appendEvents(List.of(broadcast("sirens tested")));

        List<TrackedEventMessage<?>> stream = readFrom(engine, null);

        assertThat(positionsOf(stream)).containsExactly(1L, 2L, 3L, 4L, 5L);
        assertThat(stream.get(4).getPayload()).isEqualTo(new Events.Broadcast("sirens tested"));
        assertThat(stream.get(3)).isInstanceOf(DomainEventMessage.class);
    }

    @Test
    void anAggregateReadsBackInSequenceOrderAcrossManyCommits() {
        for (long seq = 0; seq < 250; seq += 2) {
            engine.appendEvents(List.of(event("long-lived", seq), event("other", seq), event("long-lived", seq + 1)));
            engine.appendEvents(List.of(event("other", seq + 1)));
        }

        List<Long> sequences = new ArrayList<>();
        engine.readEvents("long-lived").asStream().forEach(e -> sequences.add(e.getSequenceNumber()));

        assertThat(sequences).containsExactlyElementsOf(LongStream.range(0, 250).boxed().toList());
        assertThat(engine.readEvents("long-lived", 240).asStream().count()).isEqualTo(10);
    }

    @Test
    void lastSequenceNumberIsFoundByKeyedProbes() {
        for (long seq = 0; seq < 1_000; seq += 10) {
            List<DomainEventMessage<?>> commit = new ArrayList<>();
            for (long s = seq; s < seq + 10; s++) {
                commit.add(event("busy", s));
            }
            engine.appendEvents(commit);
        }
        engine.appendEvents(List.of(event("quiet", 0)));

        assertThat(engine.lastSequenceNumberFor("busy")).contains(999L);
        assertThat(engine.lastSequenceNumberFor("quiet")).contains(0L);
        assertThat(engine.lastSequenceNumberFor("unknown")).isEqualTo(Optional.empty());
    }

    @Test
    void aCommitIsOneDocumentAnAuditorCanRead() {
        engine.appendEvents(List.of(event("gas-main-7", 0), event("gas-main-7", 1)));

        Document commit = fixture.database.getCollection(EventStoreCollections.COMMITS).find().first();

        assertThat(commit.get("_id", Number.class).longValue()).isEqualTo(1L);
        assertThat(commit.getList("positions", Number.class)).extracting(Number::longValue).containsExactly(1L, 2L);
        assertThat(commit.getList("aggregateKeys", String.class)).containsExactly("gas-main-7:0", "gas-main-7:1");
        assertThat(commit.getDate("committedAt")).isNotNull();
        Document first = commit.getList("events", Document.class).get(0);
        assertThat(first.getString("aggregateId")).isEqualTo("gas-main-7");
        assertThat(first.getString("aggregateType")).isEqualTo("Thing");
        assertThat(first.get("sequence", Number.class).longValue()).isZero();
        assertThat(first.get("position", Number.class).longValue()).isEqualTo(1L);
        assertThat(first.getString("payloadType")).isEqualTo(Events.SomethingHappened.class.getName());
        assertThat(first.getString("payload")).contains("\"note\":\"note 0\"");
        assertThat(first.getString("metaData")).startsWith("{");
        assertThat(first.getString("timestamp")).isNotBlank();
        assertThat(first.getString("eventId")).isNotBlank();
    }

    @Test
    void startUpCreatesUniqueIndexesForPositionsAndAggregateKeys() {
        List<Document> indexes = fixture.database.getCollection(EventStoreCollections.COMMITS).listIndexes()
                .into(new ArrayList<>());

        assertThat(indexes).anySatisfy(i -> {
            assertThat(i.getString("name")).isEqualTo(EventStoreCollections.POSITION_INDEX);
            assertThat(i.getBoolean("unique")).isTrue();
        });
        assertThat(indexes).anySatisfy(i -> {
            assertThat(i.getString("name")).isEqualTo(EventStoreCollections.AGGREGATE_KEY_INDEX);
            assertThat(i.getBoolean("unique")).isTrue();
        });
    }

    @Test
    void anAppendAfterTheCounterLostItsLatestReservationsTakesFreshPositions() {
        engine.appendEvents(List.of(event("bridge-4", 0), event("bridge-4", 1)));
        // The counter is a derived write: a store crash may take back increments whose reservations were answered.
        fixture.database.getCollection(EventStoreCollections.COUNTERS)
                .updateOne(new Document("_id", "global-position"), new Document("$set", new Document("last", 0L)));

        engine.appendEvents(List.of(event("bridge-4", 2)));

        List<Long> positions = new ArrayList<>();
        fixture.database.getCollection(EventStoreCollections.COMMITS).find()
                .forEach(c -> c.getList("positions", Number.class).forEach(p -> positions.add(p.longValue())));
        assertThat(positions).containsExactlyInAnyOrder(1L, 2L, 3L);
        assertThat(engine.readEvents("bridge-4").asStream().map(e -> e.getSequenceNumber()).toList())
                .containsExactly(0L, 1L, 2L);
    }
}
