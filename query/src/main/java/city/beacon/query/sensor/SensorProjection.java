package city.beacon.query.sensor;

import city.beacon.api.sensor.*;
import city.beacon.query.support.Documents;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.ReplaceOptions;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.queryhandling.QueryHandler;
import org.bson.Document;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.UnaryOperator;

import static com.mongodb.client.model.Filters.eq;

/**
 * The sensor registry as read model: one document per sensor in {@code sensors}, keyed by sensor id, with its
 * definition and alarm state. Readings intake looks definitions up here by id; a city has thousands of sensors,
 * so listing reads the whole collection. Idempotent by the sensor's sequence number.
 */
@Component
@ProcessingGroup(SensorProjection.GROUP)
public class SensorProjection {
    public static final String GROUP = "sensors";
    public static final String COLLECTION = "sensors";
    private final MongoCollection<Document> sensors;

    public SensorProjection(MongoDatabase beaconDatabase) {
        this.sensors = beaconDatabase.getCollection(COLLECTION);
    }

    @EventHandler
    void on(SensorRegisteredEvent e, @SequenceNumber long seq) {
        apply(e.sensorId(), seq, ignored -> new SensorView(e.sensorId().value(), e.definition(), false, null,
                e.registeredAt(), seq));
    }

    @EventHandler
    void on(SensorRedefinedEvent e, @SequenceNumber long seq) {
        apply(e.sensorId(), seq, v -> new SensorView(v.id(), e.definition(), v.inAlarm(), v.incidentId(),
                e.redefinedAt(), seq));
    }

    @EventHandler
    void on(SensorAlarmRaisedEvent e, @SequenceNumber long seq) {
        apply(e.sensorId(), seq, v -> changed(v, true, null, e.raisedAt(), seq));
    }

    @EventHandler
    void on(SensorAlarmClearedEvent e, @SequenceNumber long seq) {
        apply(e.sensorId(), seq, v -> changed(v, false, v.incidentId(), e.clearedAt(), seq));
    }

    @EventHandler
    void on(SensorAlarmLinkedEvent e, @SequenceNumber long seq) {
        apply(e.sensorId(), seq, v -> changed(v, v.inAlarm(), e.incidentId().value(), e.linkedAt(), seq));
    }

    @EventHandler
    void on(SensorWentSilentEvent e, @SequenceNumber long seq) {
        apply(e.sensorId(), seq, v -> changed(v, v.inAlarm(), v.incidentId(), e.detectedAt(), seq));
    }

    @QueryHandler
    List<SensorView> handle(FindSensorsQuery query) {
        var found = new ArrayList<SensorView>();
        sensors.find().forEach(d -> found.add(Documents.fromDocument(d, SensorView.class)));
        found.sort(Comparator.comparing(SensorView::id));
        return found;
    }

    @ResetHandler
    void reset() {
        sensors.deleteMany(new Document());
    }

    private static SensorView changed(SensorView v, boolean inAlarm, String incidentId, Instant at, long seq) {
        return new SensorView(v.id(), v.definition(), inAlarm, incidentId, at, seq);
    }

    private void apply(SensorId id, long seq, UnaryOperator<SensorView> change) {
        var document = sensors.find(eq("_id", id.value())).first();
        var current = document == null ? null : Documents.fromDocument(document, SensorView.class);
        if (current != null && current.version() >= seq || current == null && seq > 0) {
            return;   // applied before, or a later event of a sensor this model never saw registered
        }
        var next = change.apply(current);
        sensors.replaceOne(eq("_id", next.id()), Documents.toDocument(next.id(), next), new ReplaceOptions().upsert(true));
    }
}
