package city.beacon.infra.store;

import de.bwaldvogel.mongo.bson.Document;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.BasicDataType;
import org.h2.mvstore.type.ObjectDataType;

import java.nio.ByteBuffer;

/**
 * How a collection's documents are written to the MVStore file: as BSON, the form they arrived in, behind a marker
 * byte.
 * <p>
 * mongo-java-server stores documents with H2's {@link ObjectDataType}, which does not know its {@code Document} and
 * Java-serializes each one (a new ObjectOutputStream with class descriptors, per document, per commit that touches
 * its page; the reverse for every page read from the file). Profiled under the bench's append load, that
 * serialization was about a third of the store process's CPU, most of it inside a commit, which holds the gate every
 * command waits for.
 * <p>
 * Files written before keep working: a value without the marker is read by {@link ObjectDataType} as before, and a
 * page is rewritten as BSON the next time it changes. The marker is a tag {@link ObjectDataType} never writes (its
 * tags stop at 119). A document {@link DocumentCodec} does not write exactly (see there) is written the old way.
 */
final class BsonDocumentValues extends BasicDataType<Object> {
    /** Outside {@link ObjectDataType}'s tags (0–119), so the two formats can share a file, even a page. */
    static final byte MARKER = (byte) 0xBE;
    /** A first guess of a document's size in memory, which the MVStore's cache weighs pages by. */
    private static final int INITIAL_AVERAGE_MEMORY = 1_000;

    private final ObjectDataType legacy = new ObjectDataType();
    /** Twice the average encoded size seen so far, as ObjectDataType estimates a serialized object's memory. */
    private volatile int averageMemory = INITIAL_AVERAGE_MEMORY;

    @Override
    public int getMemory(Object value) {
        return value instanceof Document ? averageMemory : legacy.getMemory(value);
    }

    @Override
    public void write(WriteBuffer buffer, Object value) {
        byte[] bson = value instanceof Document document ? DocumentCodec.encode(document) : null;
        if (bson == null) {
            legacy.write(buffer, value);
            return;
        }
        averageMemory = (int) ((2L * bson.length + 15L * averageMemory) / 16);
        buffer.put(MARKER).put(bson);
    }

    @Override
    public Object read(ByteBuffer buffer) {
        if (buffer.get(buffer.position()) != MARKER) {
            return legacy.read(buffer);
        }
        buffer.get();
        return DocumentCodec.decode(buffer);
    }

    @Override
    public Object[] createStorage(int size) {
        return new Object[size];
    }
}
