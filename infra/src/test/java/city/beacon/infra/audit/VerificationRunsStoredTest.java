package city.beacon.infra.audit;

import city.beacon.api.audit.VerificationProgress;
import org.axonframework.eventhandling.DomainEventMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A verification run's progress and result outlive the node that ran it: another node (or the same one after a
 * restart) answers for it from the store, and a run whose node died while it ran is answered as FAILED once it has
 * been silent too long.
 */
class VerificationRunsStoredTest {
    private static final Instant NOW = Instant.parse("2030-02-01T00:00:00Z");

    @TempDir
    Path data;
    AuditStore store;

    @BeforeEach
    void storeWithSealedHistory() {
        store = new AuditStore(data, 10);
        List<DomainEventMessage<?>> history = new RandomHistory(42, Instant.parse("2030-01-01T08:00:00Z")).generate(40);
        history.forEach(store::append);
        store.sealer.sealThrough(40);
    }

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void aFinishedRunIsAnsweredByAnotherNodeFromTheStore() {
        var ranOn = new VerificationRuns(store.seals, Clock.fixed(NOW, ZoneOffset.UTC), store.database);
        var started = ranOn.start();
        await().atMost(Duration.ofSeconds(30))
                .until(() -> ranOn.find(started.runId()).orElseThrow().finishedAt() != null);
        ranOn.stop();

        var otherNode = new VerificationRuns(store.seals, Clock.fixed(NOW, ZoneOffset.UTC), store.database);
        var answered = otherNode.find(started.runId()).orElseThrow();

        assertThat(answered).isEqualTo(ranOn.find(started.runId()).orElseThrow());
        assertThat(answered.state()).isEqualTo("INTACT");
        assertThat(answered.intactThrough()).isEqualTo(40);
        assertThat(answered.eventsChecked()).isEqualTo(40);
        assertThat(otherNode.find("no-such-run")).isEmpty();
    }

    @Test
    void aRunWhoseNodeWentSilentIsAnsweredAsFailed() {
        var records = new VerificationRecords(store.database, Clock.fixed(NOW, ZoneOffset.UTC));
        var running = new VerificationProgress("lost", "RUNNING", 1, 3, 100, 100, null, NOW.minusSeconds(60), null);
        records.save(running);

        assertThat(records.find("lost")).contains(running);
        var later = new VerificationRecords(store.database,
                Clock.fixed(NOW.plus(VerificationRecords.SILENCE).plusSeconds(1), ZoneOffset.UTC));
        var answered = later.find("lost").orElseThrow();
        assertThat(answered.state()).isEqualTo("FAILED");
        assertThat(answered.intactThrough()).isEqualTo(100);
        assertThat(answered.finishedAt()).isEqualTo(NOW);
    }
}
