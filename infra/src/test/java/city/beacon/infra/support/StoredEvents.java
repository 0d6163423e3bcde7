package city.beacon.infra.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.MongoDatabase;
import org.bson.Document;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Every event in the event store, read through the driver from the commit documents, in position order: what the
 * store says happened, to hold read models, sagas and HTTP answers against.
 */
public final class StoredEvents {
    private static final ObjectMapper JSON = new ObjectMapper();

    private StoredEvents() {
    }

    public record Stored(long position, String type, String aggregateId, JsonNode payload) {
        /** A field's text; a typed id or code stored as an object of one field gives that field's text. */
        public String text(String field) {
            JsonNode value = payload.path(field);
            return value.isObject() && value.size() == 1 ? value.elements().next().asText() : value.asText();
        }
    }

    public static List<Stored> all(MongoDatabase database) {
        List<Stored> events = new ArrayList<>();
        for (Document commit : database.getCollection("event_commits").find()) {
            for (Document event : commit.getList("events", Document.class)) {
                String type = event.getString("payloadType");
                events.add(new Stored(event.get("position", Number.class).longValue(),
                        type.substring(type.lastIndexOf('.') + 1), event.getString("aggregateId"),
                        parse(event.getString("payload"))));
            }
        }
        events.sort(Comparator.comparingLong(Stored::position));
        return events;
    }

    public static List<Stored> ofType(List<Stored> events, String type) {
        return events.stream().filter(event -> event.type().equals(type)).toList();
    }

    private static JsonNode parse(String payload) {
        try {
            return JSON.readTree(payload);
        } catch (IOException e) {
            throw new IllegalStateException("not JSON: " + payload, e);
        }
    }
}
