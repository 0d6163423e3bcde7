package city.beacon.infra.sensor;

import city.beacon.api.sensor.SensorDefinition;
import city.beacon.api.sensor.SensorView;
import city.beacon.query.sensor.SensorProjection;
import city.beacon.query.support.Documents;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import org.bson.Document;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.*;
import java.util.concurrent.ConcurrentHashMap;

import static com.mongodb.client.model.Filters.in;

/**
 * Sensor definitions for the readings path, from the registry read model ({@code sensors}, keyed by id). Each node
 * caches what it looked up for a short while, so a batch costs at most one {@code $in} lookup for the sensors it has
 * not seen lately, and a redefinition on another node reaches this one within {@code registry-refresh}.
 */
public class SensorRegistry {
    private final MongoCollection<Document> sensors;
    private final Clock clock;
    private final Duration refresh;
    private final Map<String, Cached> cache = new ConcurrentHashMap<>();

    public SensorRegistry(MongoDatabase database, Clock clock, Duration refresh) {
        this.sensors = database.getCollection(SensorProjection.COLLECTION);
        this.clock = clock;
        this.refresh = refresh;
    }

    /** The definitions of those of {@code ids} that are registered. */
    public Map<String, SensorDefinition> definitions(Collection<String> ids) {
        var now = clock.instant();
        var found = new HashMap<String, SensorDefinition>();
        var missing = new HashSet<String>();
        for (var id : ids) {
            var cached = cache.get(id);
            if (cached != null && cached.loadedAt.plus(refresh).isAfter(now)) {
                found.put(id, cached.definition);
            } else {
                missing.add(id);
            }
        }
        if (!missing.isEmpty()) {
            for (var document : sensors.find(in("_id", missing))) {
                var view = Documents.fromDocument(document, SensorView.class);
                cache.put(view.id(), new Cached(view.definition(), now));
                found.put(view.id(), view.definition());
            }
        }
        return found;
    }

    public Optional<SensorDefinition> definition(String id) {
        return Optional.ofNullable(definitions(List.of(id)).get(id));
    }

    /** Every registered sensor (a whole read of the small registry; for the silence watch). */
    public Map<String, SensorDefinition> all() {
        var all = new HashMap<String, SensorDefinition>();
        for (var document : sensors.find()) {
            var view = Documents.fromDocument(document, SensorView.class);
            all.put(view.id(), view.definition());
        }
        return all;
    }

    private record Cached(SensorDefinition definition, Instant loadedAt) {
    }
}
