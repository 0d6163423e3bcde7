package city.beacon.infra.sensor;

import org.bson.Document;

import java.util.ArrayList;
import java.util.List;

/**
 * One sensor's document in {@code sensor_readings}: its latest reading, its recent history (oldest first, bounded;
 * parallel arrays {@code values} and {@code times}) and whether this node's intake believes it is in alarm. Times are epoch milliseconds: readings of one sensor
 * less than a millisecond apart count as one.
 */
record SensorState(String sensorId, List<Point> history, Point latest, String unit, boolean inAlarm) {

    record Point(double value, long at) {
    }

    static SensorState empty(String sensorId) {
        return new SensorState(sensorId, List.of(), null, null, false);
    }

    Document toDocument() {
        // Two parallel arrays rather than a sub-document per reading: a tenth of the BSON elements to encode,
        // store and decode, which is most of the cost of a batch touching many sensors.
        var values = new ArrayList<Double>(history.size());
        var times = new ArrayList<Long>(history.size());
        for (var point : history) {
            values.add(point.value());
            times.add(point.at());
        }
        var document = new Document("_id", sensorId).append("values", values).append("times", times)
                .append("unit", unit).append("inAlarm", inAlarm);
        if (latest != null) {
            document.append("value", latest.value()).append("at", latest.at());
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
