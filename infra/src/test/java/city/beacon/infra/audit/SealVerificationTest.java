package city.beacon.infra.audit;

import city.beacon.api.audit.VerificationProgress;
import com.mongodb.client.MongoCollection;
import org.axonframework.eventhandling.DomainEventMessage;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Updates.set;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tamper evidence: a store changed behind Beacon's back, directly through the driver, fails verification at the
 * position that changed. Each event is its own commit here, so commit document {@code _id} = its position.
 */
class SealVerificationTest {
    private static final int EVENTS = 60;

    @TempDir
    Path data;
    AuditStore store;
    MongoCollection<Document> commits;

    @BeforeEach
    void storeWithSealedHistory() {
        store = new AuditStore(data, 10);
        List<DomainEventMessage<?>> history = new RandomHistory(42, Instant.parse("2030-01-01T08:00:00Z")).generate(EVENTS);
        history.forEach(store::append);
        // sealed as a processor would: a few positions per event at first, then in larger batches
        try (var stream = store.engine.readEvents(null, false)) {
            stream.limit(5).forEach(message -> store.sealer.on(message.getPayload(), message));
        }
        store.sealer.sealThrough(23);
        store.sealer.sealThrough(EVENTS);
        commits = store.database.getCollection("event_commits");
    }

    @AfterEach
    void close() {
        store.close();
    }

    private VerificationProgress verify() {
        return store.verification.run("test", progress -> { });
    }

    @Test
    void anUntouchedStoreIsIntactUpToItsLastSealedPosition() {
        var result = verify();
        assertThat(result.state()).isEqualTo("INTACT");
        assertThat(result.intactThrough()).isEqualTo(EVENTS);
        assertThat(result.sealsChecked()).isEqualTo(7);
        assertThat(result.eventsChecked()).isEqualTo(EVENTS);
        assertThat(store.seals.latest().to()).isEqualTo(EVENTS);
    }

    @Test
    void anAlteredPayloadIsNamedByItsPosition() {
        var commit = commits.find(eq("_id", 31L)).first();
        String payload = commit.getList("events", Document.class).get(0).getString("payload");
        commits.updateOne(eq("_id", 31L), set("events.0.payload", payload.replace("\"20", "\"19")
                .replace("2030", "2029")));
        assertThat(commits.find(eq("_id", 31L)).first().getList("events", Document.class).get(0).getString("payload"))
                .isNotEqualTo(payload);

        var result = verify();
        assertThat(result.state()).isEqualTo("BROKEN");
        assertThat(result.firstMismatch().position()).isEqualTo(31);
        assertThat(result.firstMismatch().reason()).contains("differs");
        assertThat(result.intactThrough()).isEqualTo(23);   // the seals before the one covering 31
    }

    @Test
    void anAlteredActorIsDetected() {
        var commit = commits.find(eq("_id", 4L)).first();
        String metaData = commit.getList("events", Document.class).get(0).getString("metaData");
        commits.updateOne(eq("_id", 4L), set("events.0.metaData", metaData.replace("\"actorId\":\"", "\"actorId\":\"x")));

        var result = verify();
        assertThat(result.state()).isEqualTo("BROKEN");
        assertThat(result.firstMismatch().position()).isEqualTo(4);
    }

    @Test
    void aDeletedEventIsDetected() {
        commits.deleteOne(eq("_id", 45L));

        var result = verify();
        assertThat(result.state()).isEqualTo("BROKEN");
        assertThat(result.firstMismatch().position()).isEqualTo(45);
        assertThat(result.firstMismatch().reason()).contains("gone");
    }

    @Test
    void reorderedEventsAreDetected() {
        var a = commits.find(eq("_id", 12L)).first();
        var b = commits.find(eq("_id", 13L)).first();
        var eventA = a.getList("events", Document.class).get(0);
        var eventB = b.getList("events", Document.class).get(0);
        commits.deleteOne(eq("_id", 12L));
        commits.deleteOne(eq("_id", 13L));
        // each event moved to the other's position, with every field that names the position rewritten to match
        commits.insertOne(new Document(a).append("aggregateKeys", b.get("aggregateKeys"))
                .append("events", List.of(new Document(eventB).append("position", 12L))));
        commits.insertOne(new Document(b).append("aggregateKeys", a.get("aggregateKeys"))
                .append("events", List.of(new Document(eventA).append("position", 13L))));

        var result = verify();
        assertThat(result.state()).isEqualTo("BROKEN");
        assertThat(result.firstMismatch().position()).isEqualTo(12);
    }

    @Test
    void anAlteredSealIsDetected() {
        var seals = store.database.getCollection(Seals.COLLECTION);
        var seal = seals.find(eq("_id", 6L)).first();
        var digests = new java.util.ArrayList<>(seal.getList("digests", String.class));
        digests.set(0, "f".repeat(64));
        seals.updateOne(eq("_id", 6L), set("digests", digests));

        var result = verify();
        assertThat(result.state()).isEqualTo("BROKEN");
        assertThat(result.firstMismatch().seal()).isEqualTo(6);
        assertThat(result.firstMismatch().reason()).contains("altered");
    }
}
