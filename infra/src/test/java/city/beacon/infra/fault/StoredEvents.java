package city.beacon.infra.fault;

import city.beacon.infra.store.DurableCollections;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.MongoDatabase;
import org.bson.Document;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Every event in the store, read straight from {@code event_commits} with the driver as an auditor would
 * (docs/event-store.md): what was really committed, whatever any node or read model says.
 */
final class StoredEvents {
    /** One committed event; {@code type} is the payload's simple class name. */
    record Event(long position, String aggregateId, String type, Instant timestamp, JsonNode payload) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private final List<Event> events;

    private StoredEvents(List<Event> events) {
        this.events = events;
    }

    static StoredEvents read(MongoDatabase database) {
        List<Event> events = new ArrayList<>();
        for (Document commit : database.getCollection(DurableCollections.EVENT_COMMITS).find()) {
            for (Document event : commit.getList("events", Document.class)) {
                String type = event.getString("payloadType");
                events.add(new Event(event.get("position", Number.class).longValue(), event.getString("aggregateId"),
                        type.substring(type.lastIndexOf('.') + 1), Instant.parse(event.getString("timestamp")),
                        parse(event.getString("payload"))));
            }
        }
        return new StoredEvents(events);
    }

    List<Event> all() {
        return events;
    }

    List<Event> ofType(String type) {
        return events.stream().filter(e -> e.type().equals(type)).toList();
    }

    /** Events of one type, by the aggregate they belong to. */
    Map<String, List<Event>> byAggregate(String type) {
        return ofType(type).stream().collect(Collectors.groupingBy(Event::aggregateId));
    }

    private static JsonNode parse(String payload) {
        try {
            return JSON.readTree(payload);
        } catch (IOException e) {
            throw new IllegalStateException("a payload that is not JSON: " + payload, e);
        }
    }
}
