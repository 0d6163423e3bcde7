package city.beacon.infra.store;

import de.bwaldvogel.mongo.bson.BinData;
import de.bwaldvogel.mongo.bson.BsonTimestamp;
import de.bwaldvogel.mongo.bson.Decimal128;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.bson.ObjectId;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * BSON for the value types a document of Beacon's carries, written straight into a byte array and read straight from
 * the page's buffer. mongo-java-server's own BsonEncoder and BsonDecoder go through Netty buffers, whose bounds and
 * reference-count checks on every byte cost more than the encoding itself (profiled: a quarter of the store's CPU
 * under the bench's append load).
 * <p>
 * {@link #encode} answers {@code null} for a document holding anything else (a regular expression, a Java type the
 * wire never carries, an instant finer than BSON's milliseconds, a key with a NUL): its caller stores that one
 * the old way, so nothing is ever changed by being stored. {@link #decode} gives back the types mongo-java-server's
 * decoder gives: {@link Document}, {@link ArrayList}, {@link Instant}, {@link BinData}, …
 */
final class DocumentCodec {
    private static final byte DOUBLE = 0x01;
    private static final byte STRING = 0x02;
    private static final byte DOCUMENT = 0x03;
    private static final byte ARRAY = 0x04;
    private static final byte BINARY = 0x05;
    private static final byte OBJECT_ID = 0x07;
    private static final byte BOOLEAN = 0x08;
    private static final byte DATE_TIME = 0x09;
    private static final byte NULL = 0x0A;
    private static final byte INT32 = 0x10;
    private static final byte TIMESTAMP = 0x11;
    private static final byte INT64 = 0x12;
    private static final byte DECIMAL128 = 0x13;
    private static final byte BINARY_GENERIC = 0x00;
    private static final byte BINARY_UUID = 0x04;
    private static final int OBJECT_ID_LENGTH = 12;
    private static final int UUID_LENGTH = 16;

    private byte[] bytes = new byte[512];
    private int size;

    private DocumentCodec() {
    }

    /** The document as BSON, or null when it holds a value this codec does not write. */
    static byte[] encode(Map<String, ?> document) {
        var codec = new DocumentCodec();
        return codec.document(document) ? Arrays.copyOf(codec.bytes, codec.size) : null;
    }

    /** Reads one document from the buffer's position, leaving the position after it. */
    static Document decode(ByteBuffer buffer) {
        ByteBuffer in = buffer.duplicate().order(ByteOrder.LITTLE_ENDIAN);
        Document document = readDocument(in);
        buffer.position(in.position());
        return document;
    }

    private boolean document(Map<String, ?> document) {
        int start = reserveLength();
        for (Map.Entry<String, ?> field : document.entrySet()) {
            if (!field(field.getKey(), field.getValue())) {
                return false;
            }
        }
        put((byte) 0);
        patchLength(start);
        return true;
    }

    private boolean array(Collection<?> values) {
        int start = reserveLength();
        int index = 0;
        for (Object value : values) {
            if (!field(Integer.toString(index++), value)) {
                return false;
            }
        }
        put((byte) 0);
        patchLength(start);
        return true;
    }

    private boolean field(String key, Object value) {
        int typeAt = size;
        put((byte) 0);   // the type, once the value is known to be writable
        if (key.indexOf('\0') >= 0) {
            return false;
        }
        if (!putUtf8(key)) {
            return false;
        }
        put((byte) 0);
        byte type;
        if (value == null) {
            type = NULL;
        } else if (value instanceof String text) {
            type = STRING;
            int start = reserveLength();
            if (!putUtf8(text)) {
                return false;
            }
            put((byte) 0);
            writeIntAt(start, size - start - 4);   // a string's length counts its bytes, not itself
        } else if (value instanceof Integer number) {
            type = INT32;
            putInt(number);
        } else if (value instanceof Long number) {
            type = INT64;
            putLong(number);
        } else if (value instanceof Double number) {
            type = DOUBLE;
            putLong(Double.doubleToRawLongBits(number));
        } else if (value instanceof Boolean flag) {
            type = BOOLEAN;
            put((byte) (flag ? 1 : 0));
        } else if (value instanceof Map<?, ?> map) {
            type = DOCUMENT;
            if (!stringKeys(map) || !document(castKeys(map))) {
                return false;
            }
        } else if (value instanceof Collection<?> values) {
            type = ARRAY;
            if (!array(values)) {
                return false;
            }
        } else if (value instanceof Instant instant) {
            if (instant.getNano() % 1_000_000 != 0) {
                return false;
            }
            type = DATE_TIME;
            putLong(instant.toEpochMilli());
        } else if (value instanceof ObjectId id) {
            type = OBJECT_ID;
            putBytes(id.toByteArray());
        } else if (value instanceof UUID uuid) {
            type = BINARY;
            putInt(UUID_LENGTH);
            put(BINARY_UUID);
            // Subtype 4 holds the UUID's bytes in their RFC 4122 order, big-endian, unlike every BSON number.
            putLong(Long.reverseBytes(uuid.getMostSignificantBits()));
            putLong(Long.reverseBytes(uuid.getLeastSignificantBits()));
        } else if (value instanceof BinData data) {
            type = BINARY;
            putInt(data.getData().length);
            put(BINARY_GENERIC);
            putBytes(data.getData());
        } else if (value instanceof Decimal128 decimal) {
            type = DECIMAL128;
            putLong(decimal.getLow());
            putLong(decimal.getHigh());
        } else if (value instanceof BsonTimestamp timestamp) {
            type = TIMESTAMP;
            putLong(timestamp.getValue());
        } else {
            return false;
        }
        bytes[typeAt] = type;
        return true;
    }

    private static boolean stringKeys(Map<?, ?> map) {
        for (Object key : map.keySet()) {
            if (!(key instanceof String)) {
                return false;
            }
        }
        return true;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, ?> castKeys(Map<?, ?> map) {
        return (Map<String, ?>) map;
    }

    private static Document readDocument(ByteBuffer in) {
        int end = in.position() + in.getInt();
        Document document = new Document();
        byte type;
        while ((type = in.get()) != 0) {
            String key = readCString(in);
            document.put(key, readValue(type, in));
        }
        checkEnd(in, end);
        return document;
    }

    private static List<Object> readArray(ByteBuffer in) {
        int end = in.position() + in.getInt();
        List<Object> values = new ArrayList<>();
        byte type;
        while ((type = in.get()) != 0) {
            skipCString(in);
            values.add(readValue(type, in));
        }
        checkEnd(in, end);
        return values;
    }

    private static Object readValue(byte type, ByteBuffer in) {
        return switch (type) {
            case NULL -> null;
            case STRING -> readString(in);
            case INT32 -> in.getInt();
            case INT64 -> in.getLong();
            case DOUBLE -> Double.longBitsToDouble(in.getLong());
            case BOOLEAN -> in.get() != 0;
            case DOCUMENT -> readDocument(in);
            case ARRAY -> readArray(in);
            case DATE_TIME -> Instant.ofEpochMilli(in.getLong());
            case OBJECT_ID -> new ObjectId(readBytes(in, OBJECT_ID_LENGTH));
            case BINARY -> readBinary(in);
            case DECIMAL128 -> new Decimal128(in.getLong(), in.getLong());
            case TIMESTAMP -> new BsonTimestamp(in.getLong());
            default -> throw new IllegalStateException("unknown BSON type 0x" + Integer.toHexString(type)
                    + " in a stored document at " + in.position());
        };
    }

    private static Object readBinary(ByteBuffer in) {
        int length = in.getInt();
        byte subtype = in.get();
        if (subtype == BINARY_UUID && length == UUID_LENGTH) {
            return new UUID(Long.reverseBytes(in.getLong()), Long.reverseBytes(in.getLong()));
        }
        return new BinData(readBytes(in, length));
    }

    private static String readString(ByteBuffer in) {
        int length = in.getInt();
        String text = utf8(in, in.position(), length - 1);
        in.position(in.position() + length);
        return text;
    }

    private static String readCString(ByteBuffer in) {
        int start = in.position();
        int end = skipCString(in) - 1;
        return utf8(in, start, end - start);
    }

    /** Moves past a NUL-terminated string and returns the position after its NUL. */
    private static int skipCString(ByteBuffer in) {
        int end = in.position();
        while (in.get(end) != 0) {
            end++;
        }
        in.position(end + 1);
        return end + 1;
    }

    private static String utf8(ByteBuffer in, int start, int length) {
        if (in.hasArray()) {
            return new String(in.array(), in.arrayOffset() + start, length, StandardCharsets.UTF_8);
        }
        byte[] copy = new byte[length];
        in.get(start, copy);
        return new String(copy, StandardCharsets.UTF_8);
    }

    private static byte[] readBytes(ByteBuffer in, int length) {
        byte[] read = new byte[length];
        in.get(read);
        return read;
    }

    private static void checkEnd(ByteBuffer in, int end) {
        if (in.position() != end) {
            throw new IllegalStateException("a stored document's length says it ends at " + end + ", its fields at "
                    + in.position());
        }
    }

    private int reserveLength() {
        int at = size;
        putInt(0);
        return at;
    }

    /** Writes the length of what was written since {@code at}, where {@link #reserveLength} kept room for it. */
    private void patchLength(int at) {
        writeIntAt(at, size - at);
    }

    /** Little-endian, as every BSON number. */
    private void writeIntAt(int at, int value) {
        bytes[at] = (byte) value;
        bytes[at + 1] = (byte) (value >>> 8);
        bytes[at + 2] = (byte) (value >>> 16);
        bytes[at + 3] = (byte) (value >>> 24);
    }

    private void put(byte value) {
        ensure(1);
        bytes[size++] = value;
    }

    private void putInt(int value) {
        ensure(4);
        writeIntAt(size, value);
        size += 4;
    }

    private void putLong(long value) {
        putInt((int) value);
        putInt((int) (value >>> 32));
    }

    private void putBytes(byte[] value) {
        ensure(value.length);
        System.arraycopy(value, 0, bytes, size, value.length);
        size += value.length;
    }

    /** False for a string UTF-8 cannot hold as it is (a lone surrogate), which the caller then stores the old way. */
    private boolean putUtf8(String text) {
        int length = text.length();
        ensure(length);
        for (int i = 0; i < length; i++) {
            char c = text.charAt(i);
            if (c >= 0x80) {
                return putNonAscii(text);
            }
            bytes[size + i] = (byte) c;
        }
        size += length;
        return true;
    }

    private boolean putNonAscii(String text) {
        for (int i = 0, n = text.length(); i < n; i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return false;
            }
        }
        putBytes(text.getBytes(StandardCharsets.UTF_8));
        return true;
    }

    private void ensure(int more) {
        if (size + more > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, size + more));
        }
    }
}
