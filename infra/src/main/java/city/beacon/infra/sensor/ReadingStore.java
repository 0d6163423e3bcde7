package city.beacon.infra.sensor;

import city.beacon.command.sensor.SensorState;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.WriteModel;
import org.bson.Document;

import java.util.*;

import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.in;

/**
 * Readings are not events: {@code sensor_readings} keeps one document per sensor (latest reading, bounded recent
 * history), read by {@code $in} on _id and written back with one bulk write per batch. Callers hold the sensors'
 * locks: on the embedded server concurrent updates of one document are not atomic, so writers are serialized.
 */
class ReadingStore {
    static final String COLLECTION = "sensor_readings";
    private final MongoCollection<Document> readings;

    ReadingStore(MongoDatabase database) {
        this.readings = database.getCollection(COLLECTION);
    }

    Map<String, SensorState> load(Collection<String> sensorIds) {
        var states = new HashMap<String, SensorState>();
        if (sensorIds.isEmpty()) {
            return states;
        }
        for (var document : readings.find(in("_id", sensorIds))) {
            var state = SensorStateDocuments.fromDocument(document);
            states.put(state.sensorId(), state);
        }
        return states;
    }

    Optional<SensorState> load(String sensorId) {
        return Optional.ofNullable(readings.find(eq("_id", sensorId)).first()).map(SensorStateDocuments::fromDocument);
    }

    void saveAll(Collection<SensorState> states) {
        if (states.isEmpty()) {
            return;
        }
        List<WriteModel<Document>> writes = new ArrayList<>(states.size());
        for (var state : states) {
            writes.add(new ReplaceOneModel<>(eq("_id", state.sensorId()), SensorStateDocuments.toDocument(state),
                    new ReplaceOptions().upsert(true)));
        }
        readings.bulkWrite(writes, new BulkWriteOptions().ordered(false));
    }
}
