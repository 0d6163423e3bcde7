package city.beacon.infra.store;

import city.beacon.infra.eventstore.QuietLogs;
import city.beacon.infra.saga.VersionedSagaStore;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import org.axonframework.extensions.mongo.DefaultMongoTemplate;
import org.axonframework.modelling.saga.AssociationValue;
import org.axonframework.serialization.json.JacksonSerializer;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The saga store's queries still work with the indexes Beacon adds, and the identifier lookup is unique. */
class SagaIndexesTest {
    @TempDir
    Path directory;

    public static class WatchSaga {
        public String incident = "incident-1";
    }

    @Test
    void sagasAreFoundByAssociationAndIdentifierWithTheIndexesInPlace() {
        QuietLogs.apply();
        try (var store = EmbeddedStore.start(directory.resolve("sagas.mv"), "127.0.0.1", 0);
             MongoClient client = MongoClients.create(store.connectionString())) {
            var template = DefaultMongoTemplate.builder().mongoDatabase(client, "beacon").build();
            var sagas = new VersionedSagaStore(template, JacksonSerializer.defaultSerializer());
            sagas.ensureIndexes();

            var incident = new AssociationValue("incidentId", "incident-1");
            sagas.insertSaga(WatchSaga.class, "saga-1", new WatchSaga(), Set.of(incident));
            sagas.insertSaga(WatchSaga.class, "saga-2", new WatchSaga(), Set.of(new AssociationValue("incidentId", "x")));

            assertThat(sagas.findSagas(WatchSaga.class, incident)).containsExactly("saga-1");
            assertThat(sagas.loadSaga(WatchSaga.class, "saga-2")).isNotNull();
            List<Document> indexes = template.sagaCollection().listIndexes().into(new ArrayList<>());
            assertThat(indexes).anySatisfy(i -> {
                assertThat(i.getString("name")).isEqualTo("saga_identifier_unique");
                assertThat(i.getBoolean("unique")).isTrue();
            });
            assertThat(indexes).anySatisfy(i -> {
                assertThat(i.getString("name")).isEqualTo("saga_identifier_version_unique");
                assertThat(i.getBoolean("unique")).isTrue();
            });
        }
    }
}
