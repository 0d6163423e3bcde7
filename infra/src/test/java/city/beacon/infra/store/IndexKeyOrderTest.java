package city.beacon.infra.store;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.bson.ObjectId;
import org.bson.Document;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.ObjectDataType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Function;

import static com.mongodb.client.model.Filters.eq;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The cached index key order is H2's own order and writes H2's own bytes, so stores written before it stay readable.
 */
class IndexKeyOrderTest {
    @TempDir
    Path directory;

    @Test
    void ordersEveryKindOfKeyExactlyAsH2Does() {
        var random = new Random(11);
        List<KeyValue> keys = new ArrayList<>();
        for (int i = 0; i < 120; i++) {
            keys.add(randomKey(random));
        }
        var plain = new ObjectDataType();
        var cached = new IndexKeyOrder();
        for (int round = 0; round < 2; round++) {   // the second round answers from the cache
            for (KeyValue a : keys) {
                for (KeyValue b : keys) {
                    assertThat(Integer.signum(cached.compare(a, b)))
                            .as("%s vs %s", a, b).isEqualTo(Integer.signum(plain.compare(a, b)));
                    // An equal key that is another object must find the same place as the stored one.
                    KeyValue copy = new KeyValue(new ArrayList<>(b.stream().toList()));
                    assertThat(Integer.signum(cached.compare(a, copy))).isEqualTo(Integer.signum(plain.compare(a, b)));
                }
            }
        }
    }

    @Test
    void writesAKeyByteForByteAsH2Does() {
        var random = new Random(13);
        var cached = new IndexKeyOrder();
        for (int i = 0; i < 200; i++) {
            KeyValue key = randomKey(random);
            cached.compare(key, randomKey(random));   // caches the key's bytes where it may
            assertThat(written(cached, key)).as("%s", key).isEqualTo(written(new ObjectDataType(), key));
        }
    }

    /**
     * The index maps stay in H2's format both ways; the documents do not (BsonDocumentValues), so a store once opened
     * by Beacon's backend is only reopened by it.
     */
    @Test
    void aStoreWrittenByThePlainBackendIsReadAndExtendedByBeaconsBackend() {
        Path file = directory.resolve("keys.mv");
        writeAndCheck(file, H2Backend::new, 0, 300);
        writeAndCheck(file, IndexedH2Backend::new, 300, 600);
        writeAndCheck(file, IndexedH2Backend::new, 600, 900);
    }

    private static byte[] written(ObjectDataType type, KeyValue key) {
        var buffer = new WriteBuffer();
        type.write(buffer, key);
        var bytes = buffer.getBuffer().flip();
        byte[] copy = new byte[bytes.remaining()];
        bytes.get(copy);
        return copy;
    }

    /** Checks every document written so far is found by each unique key, then adds more. */
    private static void writeAndCheck(Path file, Function<MVStore, H2Backend> backendOf, int from, int to) {
        MVStore mvStore = new MVStore.Builder().fileName(file.toString()).autoCommitDisabled().open();
        H2Backend backend = backendOf.apply(mvStore);
        var server = new MongoServer(backend);
        InetSocketAddress address = server.bind();
        try (MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + address.getPort())) {
            MongoCollection<Document> docs = client.getDatabase("beacon").getCollection("docs");
            docs.createIndex(Indexes.ascending("key"), new IndexOptions().unique(true));
            for (int i = 0; i < from; i++) {
                assertThat(docs.find(eq("_id", "doc-" + i)).first()).as("doc-%s by _id", i).isNotNull();
                assertThat(docs.find(eq("key", (long) i * 7919)).first()).as("doc-%s by key", i).isNotNull();
            }
            for (int i = from; i < to; i++) {
                docs.insertOne(new Document("_id", "doc-" + i).append("key", (long) i * 7919));
            }
            assertThat(docs.countDocuments()).isEqualTo(to);
            for (String map : mvStore.getMapNames()) {
                if (map.contains("._index_")) {
                    assertThat(mvStore.openMap(map).getKeyType() instanceof IndexKeyOrder)
                            .as("key type of %s", map).isEqualTo(backend instanceof IndexedH2Backend);
                }
                if (map.startsWith("databases.")) {
                    assertThat(mvStore.openMap(map).getValueType() instanceof BsonDocumentValues)
                            .as("value type of %s", map).isEqualTo(backend instanceof IndexedH2Backend);
                }
            }
        } finally {
            server.shutdown();
            mvStore.close();
        }
    }

    private static KeyValue randomKey(Random random) {
        List<Object> values = new ArrayList<>();
        for (int i = 0, n = 1 + random.nextInt(2); i < n; i++) {
            values.add(switch (random.nextInt(8)) {
                case 0 -> "s" + random.nextInt(50);
                case 1 -> (long) random.nextInt(50) - 10;
                case 2 -> random.nextInt(50);
                case 3 -> random.nextDouble() * 10;
                case 4 -> random.nextBoolean();
                case 5 -> null;
                case 6 -> new ObjectId();
                default -> new org.bson.Document("a", random.nextInt(3)).append("b", "x");
            });
        }
        return new KeyValue(values);
    }
}
