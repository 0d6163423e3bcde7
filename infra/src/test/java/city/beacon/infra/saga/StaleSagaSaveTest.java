package city.beacon.infra.saga;

import city.beacon.infra.eventstore.QuietLogs;
import city.beacon.infra.store.EmbeddedStore;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.extensions.mongo.DefaultMongoTemplate;
import org.axonframework.extensions.mongo.MongoTemplate;
import org.axonframework.extensions.mongo.eventhandling.saga.repository.MongoSagaStore;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.modelling.saga.AssociationValue;
import org.axonframework.modelling.saga.repository.AnnotatedSagaRepository;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Two nodes (two clients, two stores) share the saga collection and interleave load, change and save of one saga,
 * as when a deadline fires on one node while the other handles an event of the same saga. The copy saved second
 * was loaded before the first save: it is refused, the newer state stays, and handling again on fresh state keeps
 * both changes.
 */
class StaleSagaSaveTest {
    private static final Serializer JSON = JacksonSerializer.defaultSerializer();
    private static final String SAGA = "saga-1";
    private static final Set<AssociationValue> INCIDENT = Set.of(new AssociationValue("incidentId", "incident-1"));

    @TempDir
    Path directory;
    private EmbeddedStore server;
    private MongoClient clientA;
    private MongoClient clientB;
    private VersionedSagaStore nodeA;
    private VersionedSagaStore nodeB;

    /** What the saga has seen; public fields so the default Jackson serializer needs no annotations. */
    public static class WatchSaga {
        public List<String> seen = new ArrayList<>();
    }

    @BeforeEach
    void twoNodesOnOneStore() {
        QuietLogs.apply();
        server = EmbeddedStore.start(directory.resolve("sagas.mv"), "127.0.0.1", 0);
        clientA = MongoClients.create(server.connectionString());
        clientB = MongoClients.create(server.connectionString());
        nodeA = new VersionedSagaStore(template(clientA), JSON);
        nodeB = new VersionedSagaStore(template(clientB), JSON);
        nodeA.ensureIndexes();
        nodeB.ensureIndexes();
    }

    @AfterEach
    void close() {
        clientA.close();
        clientB.close();
        server.close();
    }

    @Test
    void aSaveFromACopyLoadedBeforeAnotherNodesSaveIsRefused() {
        nodeA.insertSaga(WatchSaga.class, SAGA, new WatchSaga(), INCIDENT);

        WatchSaga onA = nodeA.loadSaga(WatchSaga.class, SAGA).saga();
        WatchSaga onB = nodeB.loadSaga(WatchSaga.class, SAGA).saga();
        onB.seen.add("acknowledged (B)");
        nodeB.updateSaga(WatchSaga.class, SAGA, onB, associations());
        onA.seen.add("deadline passed (A)");

        assertThatThrownBy(() -> nodeA.updateSaga(WatchSaga.class, SAGA, onA, associations()))
                .isInstanceOf(StaleSagaException.class);
        assertThat(nodeB.loadSaga(WatchSaga.class, SAGA).saga().seen).containsExactly("acknowledged (B)");
        assertThat(nodeA.refusedSaves()).isEqualTo(1);

        WatchSaga fresh = nodeA.loadSaga(WatchSaga.class, SAGA).saga();
        fresh.seen.add("deadline passed (A)");
        nodeA.updateSaga(WatchSaga.class, SAGA, fresh, associations());
        assertThat(nodeB.loadSaga(WatchSaga.class, SAGA).saga().seen)
                .containsExactly("acknowledged (B)", "deadline passed (A)");
    }

    @Test
    void aNodeSavesItsOwnCopyAgainAfterItsOwnSave() {
        nodeA.insertSaga(WatchSaga.class, SAGA, new WatchSaga(), INCIDENT);
        WatchSaga saga = nodeA.loadSaga(WatchSaga.class, SAGA).saga();
        for (int i = 1; i <= 3; i++) {
            saga.seen.add("event " + i);
            nodeA.updateSaga(WatchSaga.class, SAGA, saga, associations());
        }
        assertThat(nodeB.loadSaga(WatchSaga.class, SAGA).saga().seen).containsExactly("event 1", "event 2", "event 3");
        assertThat(nodeA.refusedSaves()).isZero();
    }

    @Test
    void aSaveAfterAnotherNodeEndedTheSagaIsRefusedAndDoesNotBringItBack() {
        nodeA.insertSaga(WatchSaga.class, SAGA, new WatchSaga(), INCIDENT);
        WatchSaga onA = nodeA.loadSaga(WatchSaga.class, SAGA).saga();
        nodeB.loadSaga(WatchSaga.class, SAGA);
        nodeB.deleteSaga(WatchSaga.class, SAGA, INCIDENT);

        onA.seen.add("late event");
        assertThatThrownBy(() -> nodeA.updateSaga(WatchSaga.class, SAGA, onA, associations()))
                .isInstanceOf(StaleSagaException.class);
        assertThat(nodeA.loadSaga(WatchSaga.class, SAGA)).isNull();
        assertThat(nodeA.findSagas(WatchSaga.class, INCIDENT.iterator().next())).isEmpty();
    }

    @Test
    void sagasWrittenBeforeVersionsExistedGetOneAndStayProtected() {
        var template = template(clientA);
        MongoSagaStore.builder().mongoTemplate(template).serializer(JSON).build()
                .insertSaga(WatchSaga.class, SAGA, new WatchSaga(), INCIDENT);
        template.sagaCollection().updateMany(new org.bson.Document(), new org.bson.Document("$unset",
                new org.bson.Document(VersionedSagaStore.VERSION, "")));   // as axon-mongo wrote them

        nodeA.ensureIndexes();
        WatchSaga onA = nodeA.loadSaga(WatchSaga.class, SAGA).saga();
        WatchSaga onB = nodeB.loadSaga(WatchSaga.class, SAGA).saga();
        onB.seen.add("B");
        nodeB.updateSaga(WatchSaga.class, SAGA, onB, associations());
        onA.seen.add("A");
        assertThatThrownBy(() -> nodeA.updateSaga(WatchSaga.class, SAGA, onA, associations()))
                .isInstanceOf(StaleSagaException.class);
        assertThat(nodeA.loadSaga(WatchSaga.class, SAGA).saga().seen).containsExactly("B");
    }

    /**
     * Through Axon's own saga repository, in units of work, as a processor or a deadline job uses it: the unit of work
     * that loaded first and commits last fails, and nothing it changed is stored.
     */
    @Test
    void axonsSagaRepositoryFailsTheUnitOfWorkThatSavesAStaleCopy() throws Exception {
        var repositoryA = repository(nodeA);
        var repositoryB = repository(nodeB);
        inUnitOfWork(() -> repositoryA.createInstance(SAGA, WatchSaga::new).getAssociationValues()
                .add(INCIDENT.iterator().next()));

        var onA = DefaultUnitOfWork.startAndGet(GenericEventMessage.asEventMessage("deadline passed"));
        root(repositoryA.load(SAGA)).seen.add("deadline passed (A)");
        CompletableFuture.runAsync(() -> inUnitOfWork(() ->
                root(repositoryB.load(SAGA)).seen.add("acknowledged (B)"))).get();

        assertThatThrownBy(onA::commit).isInstanceOf(StaleSagaException.class);
        assertThat(nodeB.loadSaga(WatchSaga.class, SAGA).saga().seen).containsExactly("acknowledged (B)");

        inUnitOfWork(() -> root(repositoryA.load(SAGA)).seen.add("deadline passed (A)"));
        assertThat(nodeB.loadSaga(WatchSaga.class, SAGA).saga().seen)
                .containsExactly("acknowledged (B)", "deadline passed (A)");
    }

    private static AnnotatedSagaRepository<WatchSaga> repository(VersionedSagaStore store) {
        return AnnotatedSagaRepository.<WatchSaga>builder().sagaType(WatchSaga.class).sagaStore(store).build();
    }

    private static WatchSaga root(org.axonframework.modelling.saga.Saga<WatchSaga> saga) {
        return ((org.axonframework.modelling.saga.AnnotatedSaga<WatchSaga>) saga).root();
    }

    private static void inUnitOfWork(Runnable work) {
        var unitOfWork = DefaultUnitOfWork.startAndGet(GenericEventMessage.asEventMessage("event"));
        unitOfWork.execute(work);
    }

    private static org.axonframework.modelling.saga.AssociationValues associations() {
        return new org.axonframework.modelling.saga.AssociationValuesImpl(INCIDENT);
    }

    private static MongoTemplate template(MongoClient client) {
        return DefaultMongoTemplate.builder().mongoDatabase(client, "beacon").build();
    }
}
