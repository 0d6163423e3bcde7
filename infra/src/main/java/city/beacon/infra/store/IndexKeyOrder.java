package city.beacon.infra.store;

import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.bson.ObjectId;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.ObjectDataType;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The key order of mongo-java-server's unique-index maps, unchanged, computed without re-serializing every key.
 * <p>
 * Index keys are {@link KeyValue}s, which H2's {@link ObjectDataType} does not know and which are not
 * {@link Comparable}: it orders them by their Java-serialized bytes and serializes both keys on every comparison.
 * Profiled under the bench's append load, that was ~40 % of the store process's CPU (a new ObjectOutputStream per
 * key, many per lookup, insert and compaction step). This type keeps exactly that order (the files already written
 * stay readable, their B-trees sorted as before) and remembers each key's bytes, so a key is serialized once while it
 * stays in the cache, for comparing it and for writing it to the file at a commit alike.
 * <p>
 * A key's bytes are only reused for an equal key whose values all serialize identically whenever they are equal
 * (strings, longs, ints, doubles, booleans, object ids, null). Any other key (a sub-document, a list) is serialized
 * afresh every time, as before: two equal documents may differ in field order and so in their bytes.
 */
final class IndexKeyOrder extends ObjectDataType {
    /** Bounds the memory the cache holds (~100-200 bytes a key); emptied at once when full, refilled as keys are used. */
    private static final int MAX_CACHED_KEYS = 100_000;
    /** ObjectDataType's tag for a Java-serialized object (package-private there). */
    private static final byte SERIALIZED_OBJECT = 19;
    private static final Set<Class<?>> SERIALIZED_BY_VALUE = Set.of(String.class, Long.class, Integer.class,
            Double.class, Boolean.class, ObjectId.class);

    /**
     * A key's bytes depend on nothing but the key, so one cache serves every index map in the process and the bound
     * holds for all of them.
     */
    private static final Map<KeyValue, byte[]> BYTES = new ConcurrentHashMap<>();

    @Override
    public int compare(Object a, Object b) {
        if (a == b || !(a instanceof KeyValue left) || !(b instanceof KeyValue right)) {
            return super.compare(a, b);
        }
        // What ObjectDataType does for two objects of a type it does not know and that are not Comparable.
        return compareNotNull(serialized(left), serialized(right));
    }

    @Override
    public void write(WriteBuffer buffer, Object value) {
        if (value instanceof KeyValue key && cacheable(key)) {
            // Byte for byte what ObjectDataType writes for an object it serializes (its TYPE_SERIALIZED_OBJECT).
            byte[] bytes = serialized(key);
            buffer.put(SERIALIZED_OBJECT).putVarInt(bytes.length).put(bytes);
            return;
        }
        super.write(buffer, value);
    }

    private byte[] serialized(KeyValue key) {
        if (!cacheable(key)) {
            return serialize(key);
        }
        byte[] known = BYTES.get(key);
        if (known != null) {
            return known;
        }
        byte[] fresh = serialize(key);
        if (BYTES.size() >= MAX_CACHED_KEYS) {
            BYTES.clear();
        }
        BYTES.put(key, fresh);
        return fresh;
    }

    private static boolean cacheable(KeyValue key) {
        for (Object value : key) {
            if (value != null && !SERIALIZED_BY_VALUE.contains(value.getClass())) {
                return false;
            }
        }
        return true;
    }
}
