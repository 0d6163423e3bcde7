package city.beacon.infra.store;

import city.beacon.infra.eventstore.QuietLogs;
import city.beacon.infra.projection.LiveGenerations;
import com.mongodb.ReadConcern;
import com.mongodb.WriteConcern;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * On a configured MongoDB the same split as on the embedded store: event commits and incident-number claims are
 * written {@code w:majority, j:true}, everything else {@code w:1}. Checked on the client Beacon builds, and the durable
 * collections' settings are accepted by the embedded server too.
 */
class WriteConcernsTest {
    @TempDir
    Path directory;

    @Test
    void eventCommitsAndNumberClaimsAreMajorityJournaledEverythingElseIsW1() {
        QuietLogs.apply();
        var properties = new StoreProperties(null,
                new StoreProperties.EmbeddedStore(directory.resolve("concerns.mv"), 0, null));
        var configuration = new MongoConfiguration();
        try (var endpoint = configuration.storeEndpoint(properties);
             var client = configuration.mongoClient(endpoint,
                     new StoreConnectionProperties(null, null, null, null, null),
                     new StoreConnectivity(java.time.Clock.systemUTC()),
                     new StoreWrites(java.time.Clock.systemUTC()))) {
            var database = configuration.beaconDatabase(client, properties, LiveGenerations.recordedIn(
                    client.getDatabase("beacon"), java.time.Clock.systemUTC()));
            var majorityJournaled = WriteConcern.MAJORITY.withJournal(true);

            var commits = DurableCollections.open(database, DurableCollections.EVENT_COMMITS);
            var claims = DurableCollections.open(database, DurableCollections.INCIDENT_NUMBER_CLAIMS);
            assertThat(commits.getWriteConcern()).isEqualTo(majorityJournaled);
            assertThat(commits.getReadConcern()).isEqualTo(ReadConcern.MAJORITY);
            assertThat(claims.getWriteConcern()).isEqualTo(majorityJournaled);
            for (String derived : new String[] {"sagas", "board", "jobrunr_jobs", "event_counters"}) {
                assertThat(DurableCollections.open(database, derived).getWriteConcern()).as(derived)
                        .isEqualTo(WriteConcern.W1);
                assertThat(client.getDatabase("beacon").getCollection(derived).getWriteConcern()).as(derived)
                        .isEqualTo(WriteConcern.W1);
            }

            commits.insertOne(new Document("_id", 1));
            assertThat(commits.find().first()).isNotNull();
        }
    }
}
