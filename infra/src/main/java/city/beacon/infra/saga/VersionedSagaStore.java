package city.beacon.infra.saga;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Updates;
import org.axonframework.extensions.mongo.MongoTemplate;
import org.axonframework.extensions.mongo.eventhandling.saga.repository.MongoSagaStore;
import org.axonframework.extensions.mongo.eventhandling.saga.repository.SagaEntry;
import org.axonframework.modelling.saga.AssociationValue;
import org.axonframework.modelling.saga.AssociationValues;
import org.axonframework.modelling.saga.repository.SagaStore;
import org.axonframework.serialization.Serializer;
import org.bson.Document;

import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

/**
 * axon-mongo's saga store with optimistic concurrency. Its own update replaces a saga by identifier whatever happened
 * since the saga was loaded, so a node handling a message on a stale copy (a deadline firing on one node while the
 * other handles an event of the same saga, or a stalled node finishing a batch after its segment was taken over)
 * would silently overwrite newer state. Here every saga document carries a {@code version}; a save names the version
 * its copy was loaded at and is refused with {@link StaleSagaException} when the document has moved on, so the message
 * is handled again on fresh state. Documents keep axon-mongo's layout; finding and deleting are left to it.
 * <p>
 * The save's filter is {@code {sagaIdentifier, version}}, exactly the keys of a unique index, which the embedded store
 * answers by index rather than by scanning the collection (DESIGN §4).
 */
public class VersionedSagaStore implements SagaStore<Object> {
    static final String IDENTIFIER = "sagaIdentifier";
    static final String VERSION = "version";
    private final MongoCollection<Document> sagas;
    private final Serializer serializer;
    private final MongoSagaStore axonMongo;
    private final LoadedSagaVersions loaded = new LoadedSagaVersions();
    private final AtomicLong refused = new AtomicLong();

    public VersionedSagaStore(MongoTemplate template, Serializer serializer) {
        this.sagas = template.sagaCollection();
        this.serializer = serializer;
        this.axonMongo = MongoSagaStore.builder().mongoTemplate(template).serializer(serializer).build();
    }

    /**
     * The indexes the saga queries need ({@code findSagas} asks for {@code {sagaType, associations: {key, value}}},
     * the rest for {@code sagaIdentifier}), the one versioned saves use, and a version on documents written before
     * sagas had one. Idempotent, so every node runs it at start-up.
     */
    public void ensureIndexes() {
        sagas.createIndex(Indexes.ascending("sagaType", "associations"),
                new IndexOptions().name("saga_type_association"));
        sagas.createIndex(Indexes.ascending(IDENTIFIER), new IndexOptions().unique(true).name("saga_identifier_unique"));
        sagas.createIndex(Indexes.ascending(IDENTIFIER, VERSION),
                new IndexOptions().unique(true).name("saga_identifier_version_unique"));
        sagas.updateMany(Filters.exists(VERSION, false), Updates.set(VERSION, 0L));
    }

    @Override
    public <S> Entry<S> loadSaga(Class<S> sagaType, String sagaIdentifier) {
        Document document = sagas.find(new Document(IDENTIFIER, sagaIdentifier)).first();
        if (document == null) {
            return null;
        }
        SagaEntry<S> entry = new SagaEntry<>(document);
        S saga = entry.getSaga(serializer);
        loaded.remember(saga, versionOf(document));
        return new Entry<>() {
            @Override
            public Set<AssociationValue> associationValues() {
                return entry.getAssociationValues();
            }

            @Override
            public S saga() {
                return saga;
            }
        };
    }

    @Override
    public void insertSaga(Class<?> sagaType, String sagaIdentifier, Object saga,
                           Set<AssociationValue> associationValues) {
        var document = new SagaEntry<>(sagaIdentifier, saga, associationValues, serializer).asDocument();
        sagas.insertOne(document.append(VERSION, 0L));
        loaded.remember(saga, 0L);
    }

    @Override
    public void updateSaga(Class<?> sagaType, String sagaIdentifier, Object saga, AssociationValues associationValues) {
        long expected = loaded.versionOf(saga).orElseThrow(() -> new IllegalStateException(
                "saga " + sagaIdentifier + " was not loaded or inserted through this store: its version is unknown"));
        var document = new SagaEntry<>(sagaIdentifier, saga, associationValues.asSet(), serializer).asDocument();
        var filter = new Document(IDENTIFIER, sagaIdentifier).append(VERSION, expected);
        var result = sagas.updateOne(filter, new Document("$set", document.append(VERSION, expected + 1)));
        if (result.getMatchedCount() == 0) {
            refused.incrementAndGet();
            throw new StaleSagaException(sagaIdentifier, expected);
        }
        loaded.remember(saga, expected + 1);
    }

    /**
     * Unconditional, as in axon-mongo: Axon names no instance here, so there is no loaded version to compare. An end
     * decided on a stale copy still ends the saga; a save racing it afterwards finds nothing and is refused.
     */
    @Override
    public void deleteSaga(Class<?> sagaType, String sagaIdentifier, Set<AssociationValue> associationValues) {
        axonMongo.deleteSaga(sagaType, sagaIdentifier, associationValues);
    }

    @Override
    public Set<String> findSagas(Class<?> sagaType, AssociationValue associationValue) {
        return axonMongo.findSagas(sagaType, associationValue);
    }

    /** Saves refused because the saga had changed since it was loaded, since this node started. */
    public long refusedSaves() {
        return refused.get();
    }

    private static long versionOf(Document document) {
        Number version = document.get(VERSION, Number.class);
        return version == null ? 0L : version.longValue();
    }
}
