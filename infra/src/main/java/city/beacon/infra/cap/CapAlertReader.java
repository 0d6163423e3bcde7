package city.beacon.infra.cap;

import city.beacon.api.incident.*;
import city.beacon.infra.cap.xml.Alert;
import city.beacon.infra.cap.xml.Alert.Info;

import java.util.ArrayList;
import java.util.List;

/**
 * What an incoming CAP alert says in Beacon's terms. Of its info blocks the English one is read (else the first);
 * the type comes from Beacon's own event code when the alert has one (an alert Beacon exported), else from the
 * event and categories. The first area with a circle or polygon locates it.
 */
final class CapAlertReader {
    private static final int SUMMARY_MAX = 500;

    private CapAlertReader() { }

    record Facts(IncidentType type, Severity severity, Urgency urgency, Certainty certainty, Location location,
                 String summary, boolean drill) {
    }

    static Facts read(Alert alert) {
        if (alert.getInfo().isEmpty()) {
            throw new CapViolation("info", "an alert needs an info block to act on");
        }
        var info = alert.getInfo().stream().filter(i -> i.getLanguage() != null && i.getLanguage().startsWith("en"))
                .findFirst().orElse(alert.getInfo().get(0));
        var type = info.getEventCode().stream()
                .filter(code -> CapAlertWriter.TYPE_CODE.equals(code.getValueName()))
                .map(code -> parseType(code.getValue()))
                .findFirst().orElseGet(() -> CapVocabulary.typeOf(info.getCategory(), info.getEvent()));
        var summary = firstText(info.getDescription(), info.getHeadline(), info.getEvent());
        if (summary.length() > SUMMARY_MAX) {
            summary = summary.substring(0, SUMMARY_MAX - 1) + "…";
        }
        return new Facts(type, Severity.valueOf(info.getSeverity().name()), Urgency.valueOf(info.getUrgency().name()),
                Certainty.valueOf(info.getCertainty().name()), location(info), summary,
                alert.getStatus() == Alert.CapStatus.EXERCISE);
    }

    private static IncidentType parseType(String value) {
        try {
            return IncidentType.valueOf(value.trim());
        } catch (IllegalArgumentException e) {
            throw new CapViolation("info/eventCode", "unknown " + CapAlertWriter.TYPE_CODE + ": " + value);
        }
    }

    private static Location location(Info info) {
        for (var area : info.getArea()) {
            var description = area.getAreaDesc() == null || area.getAreaDesc().isBlank() ? null : area.getAreaDesc();
            if (!area.getCircle().isEmpty()) {
                var parts = area.getCircle().get(0).trim().split("\\s+");
                var center = point(parts[0], "info/area/circle");
                double km = parts.length > 1 ? number(parts[1], "info/area/circle") : 0;
                var affected = km > 0 ? AffectedArea.circle(center, km * 1000) : null;
                return new Location(center, description, affected);
            }
            if (!area.getPolygon().isEmpty()) {
                var ring = new ArrayList<GeoPoint>();
                for (var pair : area.getPolygon().get(0).trim().split("\\s+")) {
                    ring.add(point(pair, "info/area/polygon"));
                }
                if (ring.size() > 1 && ring.get(0).equals(ring.get(ring.size() - 1))) {
                    ring.remove(ring.size() - 1);   // Beacon keeps the ring open; CAP repeats the first point
                }
                if (ring.size() < 3) {
                    throw new CapViolation("info/area/polygon", "a polygon needs at least three points");
                }
                return new Location(centroid(ring), description, AffectedArea.polygon(ring));
            }
        }
        throw new CapViolation("info/area", "an alert needs an area with a circle or a polygon to locate it");
    }

    private static GeoPoint point(String pair, String field) {
        var latLon = pair.split(",");
        if (latLon.length != 2) {
            throw new CapViolation(field, "expected lat,lon but got " + pair);
        }
        try {
            return new GeoPoint(number(latLon[0], field), number(latLon[1], field));
        } catch (IllegalArgumentException e) {
            throw new CapViolation(field, e.getMessage());
        }
    }

    private static double number(String text, String field) {
        try {
            return Double.parseDouble(text.trim());
        } catch (NumberFormatException e) {
            throw new CapViolation(field, "not a number: " + text);
        }
    }

    private static GeoPoint centroid(List<GeoPoint> ring) {
        double lat = 0;
        double lon = 0;
        for (var point : ring) {
            lat += point.lat();
            lon += point.lon();
        }
        return new GeoPoint(lat / ring.size(), lon / ring.size());
    }

    private static String firstText(String... candidates) {
        for (var text : candidates) {
            if (text != null && !text.isBlank()) {
                return text.strip();
            }
        }
        return "External alert";
    }
}
