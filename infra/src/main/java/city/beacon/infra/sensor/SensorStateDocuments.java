package city.beacon.infra.sensor;

import city.beacon.command.sensor.SensorState;
import city.beacon.command.sensor.SensorState.Point;
import org.bson.Document;

import java.util.ArrayList;
import java.util.List;

/**
 * A sensor's state as its document in {@code sensor_readings}: the history as two parallel arrays {@code values}
 * and {@code times}, the latest reading as {@code value} and {@code at}.
 */
final class SensorStateDocuments {
    private SensorStateDocuments() { }

    static Document toDocument(SensorState state) {
        // Two parallel arrays rather than a sub-document per reading: a tenth of the BSON elements to encode,
        // store and decode, which is most of the cost of a batch touching many sensors.
        var values = new ArrayList<Double>(state.history().size());
        var times = new ArrayList<Long>(state.history().size());
        for (var point : state.history()) {
            values.add(point.value());
            times.add(point.at());
        }
        var document = new Document("_id", state.sensorId()).append("values", values).append("times", times)
                .append("unit", state.unit()).append("inAlarm", state.inAlarm());
        if (state.latest() != null) {
            document.append("value", state.latest().value()).append("at", state.latest().at());
        }
        return document;
    }

    static SensorState fromDocument(Document document) {
        List<?> values = document.get("values", List.class);
        List<?> times = document.get("times", List.class);
        var points = new ArrayList<Point>(values == null ? 0 : values.size());
        for (int i = 0; values != null && i < values.size(); i++) {
            points.add(new Point(((Number) values.get(i)).doubleValue(), ((Number) times.get(i)).longValue()));
        }
        Point latest = document.get("at") == null ? null
                : new Point(((Number) document.get("value")).doubleValue(), ((Number) document.get("at")).longValue());
        return new SensorState(document.getString("_id"), points, latest, document.getString("unit"),
                Boolean.TRUE.equals(document.getBoolean("inAlarm")));
    }
}
