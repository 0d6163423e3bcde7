package city.beacon.infra.store;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.h2.H2Database;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;

import java.util.List;

/**
 * mongo-java-server's H2 backend with its unique-index maps ordered by {@link IndexKeyOrder} (the same order and the
 * same file format, at a fraction of the CPU) and its documents written as BSON ({@link BsonDocumentValues}; files
 * written before stay readable).
 */
final class IndexedH2Backend extends H2Backend {
    /** The prefix mongo-java-server's H2 backend gives a collection's document map (H2Database.DATABASES_PREFIX). */
    private static final String DOCUMENTS_PREFIX = "databases.";

    IndexedH2Backend(MVStore store) {
        super(store);
    }

    @Override
    protected MongoDatabase openOrCreateDatabase(String name) {
        return new Database(name);
    }

    /**
     * Not static, and without fields of its own: the backend's constructor already opens the stored databases, whose
     * constructors open their indexes, before any field of this class or of the backend subclass is assigned.
     */
    private final class Database extends H2Database {
        Database(String name) {
            super(name, getMvStore(), getCursorRegistry());
        }

        @Override
        protected Index<Object> openOrCreateUniqueIndex(String collection, String index, List<IndexKey> keys,
                                                        boolean sparse) {
            // Opened here first, with the key type; the backend's own openMap then finds the map already open and
            // uses it. The name is the one the backend gives an index map.
            getMvStore().openMap(getFullCollectionNamespace(collection) + "._index_" + index,
                    new MVMap.Builder<KeyValue, Object>().keyType(new IndexKeyOrder()));
            return super.openOrCreateUniqueIndex(collection, index, keys, sparse);
        }

        @Override
        protected MongoCollection<Object> openOrCreateCollection(String collection, CollectionOptions options) {
            // As above: the backend's own openMap finds the document map already open, with the value type.
            getMvStore().openMap(DOCUMENTS_PREFIX + getFullCollectionNamespace(collection),
                    new MVMap.Builder<Object, Object>().valueType(new BsonDocumentValues()));
            return super.openOrCreateCollection(collection, options);
        }
    }
}
