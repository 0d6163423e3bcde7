package city.beacon.infra.store;

import de.bwaldvogel.mongo.bson.BinData;
import de.bwaldvogel.mongo.bson.BsonRegularExpression;
import de.bwaldvogel.mongo.bson.BsonTimestamp;
import de.bwaldvogel.mongo.bson.Decimal128;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.bson.ObjectId;
import de.bwaldvogel.mongo.wire.bson.BsonDecoder;
import io.netty.buffer.Unpooled;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.ObjectDataType;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Documents written to the file as BSON come back equal, and documents written the old way stay readable. */
class BsonDocumentValuesTest {
    private final BsonDocumentValues values = new BsonDocumentValues();

    @Test
    void aDocumentOfEveryKindOfValueComesBackEqual() {
        Document document = everyKindOfValue();

        ByteBuffer written = write(values, document);

        assertThat(written.get(0)).as("marker").isEqualTo(BsonDocumentValues.MARKER);
        assertThat(values.read(written)).isEqualTo(document);
        assertThat(written.remaining()).as("bytes left after the document").isZero();
    }

    @Test
    void aDocumentWrittenByH2sObjectDataTypeIsStillRead() {
        Document document = everyKindOfValue();

        ByteBuffer written = write(new ObjectDataType(), document);

        assertThat(values.read(written)).isEqualTo(document);
        assertThat(written.remaining()).isZero();
    }

    @Test
    void isBsonAsMongoJavaServerReadsIt() {
        Document document = everyKindOfValue();

        ByteBuffer written = write(values, document);
        written.get();

        assertThat(BsonDecoder.decodeBson(Unpooled.wrappedBuffer(written))).isEqualTo(document);
    }

    @Test
    void aDocumentThisFormatWouldChangeIsWrittenTheOldWay() {
        List<Object> odd = List.of(new BigDecimal("1.5"), "lone \uD83D surrogate", Instant.ofEpochSecond(1, 1_500),
                new BsonRegularExpression("^gas", "i"), new Document("nested", new BigDecimal("2")));
        for (Object value : odd) {
            Document document = new Document("_id", "odd").append("text", "before").append("value", value);

            ByteBuffer written = write(values, document);

            assertThat(written.get(0)).as("first byte for %s", value).isNotEqualTo(BsonDocumentValues.MARKER);
            // By text: a regular expression has no equals of its own.
            assertThat(values.read(written)).hasToString(document.toString());
        }
    }

    @Test
    void aPageMixingBothFormatsIsReadValueByValue() {
        Document old = new Document("_id", 1L).append("text", "written before");
        Document fresh = everyKindOfValue();
        var buffer = new WriteBuffer();
        new ObjectDataType().write(buffer, old);
        values.write(buffer, new Object[] {fresh, old}, 2);
        ByteBuffer page = buffer.getBuffer().flip();

        Object[] read = values.createStorage(3);
        values.read(page, read, 3);

        assertThat(read).containsExactly(old, fresh, old);
        assertThat(page.remaining()).isZero();
    }

    private static ByteBuffer write(org.h2.mvstore.type.DataType<Object> type, Object value) {
        var buffer = new WriteBuffer();
        type.write(buffer, value);
        return buffer.getBuffer().flip();
    }

    private static Document everyKindOfValue() {
        return new Document("_id", new ObjectId())
                .append("text", "Gasleck in der Straße — 🚒")
                .append("with NUL", "a\0b")
                .append("", "empty key")
                .append("binary", new BinData(new byte[] {1, 2, 3}))
                .append("int", 42)
                .append("long", 9_007_199_254_740_993L)
                .append("double", 0.1)
                .append("yes", true)
                .append("nothing", null)
                .append("at", Instant.parse("2026-12-08T01:02:03.004Z"))
                .append("uuid", UUID.fromString("0f8fad5b-d9cb-469f-a165-70867728950e"))
                .append("decimal", Decimal128.ONE)
                .append("timestamp", new BsonTimestamp(7L << 32 | 3))
                .append("list", List.of("a", 1, List.of(2L), new Document("nested", "in a list")))
                .append("nested", new Document("level", new Document("deeper", List.of())));
    }
}
