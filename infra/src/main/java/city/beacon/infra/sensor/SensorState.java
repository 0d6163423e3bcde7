package city.beacon.infra.sensor;

import org.bson.Document;

import java.util.ArrayList;
import java.util.List;

/**
 * One sensor's document in {@code sensor_readings}: its latest reading, its recent history (oldest first, bounded)
 * and whether this node's intake believes it is in alarm. Times are epoch milliseconds: readings of one sensor
 * less than a millisecond apart count as one.
 */
record SensorState(String sensorId, List<Point> history, Point latest, String unit, boolean inAlarm) {

    record Point(double value, long at) {
    }

    static SensorState empty(String sensorId) {
        return new SensorState(sensorId, List.of(), null, null, false);
    }

    Document toDocument() {
        var points = new ArrayList<Document>(history.size());
        for (var point : history) {
            points.add(new Document("v", point.value()).append("t", point.at()));
        }
        var document = new Document("_id", sensorId).append("history", points).append("unit", unit)
                .append("inAlarm", inAlarm);
        if (latest != null) {
            document.append("value", latest.value()).append("at", latest.at());
        }
        return document;
    }

    static SensorState fromDocument(Document document) {
        var points = new ArrayList<Point>();
        List<Document> stored = document.getList("history", Document.class, List.of());
        for (var point : stored) {
            points.add(new Point(((Number) point.get("v")).doubleValue(), ((Number) point.get("t")).longValue()));
        }
        Point latest = document.get("at") == null ? null
                : new Point(((Number) document.get("value")).doubleValue(), ((Number) document.get("at")).longValue());
        return new SensorState(document.getString("_id"), points, latest, document.getString("unit"),
                Boolean.TRUE.equals(document.getBoolean("inAlarm")));
    }
}
