package city.beacon.query.support;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.bson.Document;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Turns read-model records into BSON documents and back. Read models are plain documents an auditor can read
 * with any MongoDB client, so times are stored as ISO-8601 strings rather than driver-specific types.
 */
public final class Documents {
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private Documents() { }

    @SuppressWarnings("unchecked")
    public static Document toDocument(String id, Object record) {
        Map<String, Object> fields = MAPPER.convertValue(record, LinkedHashMap.class);
        var document = new Document("_id", id);
        document.putAll(fields);
        return document;
    }

    public static <T> T fromDocument(Document document, Class<T> type) {
        var fields = new LinkedHashMap<>(document);
        fields.remove("_id");
        return MAPPER.convertValue(fields, type);
    }
}
