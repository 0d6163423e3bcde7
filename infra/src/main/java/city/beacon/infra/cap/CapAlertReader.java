package city.beacon.infra.cap;

import city.beacon.api.incident.*;
import city.beacon.infra.cap.CapImportProperties.Place;
import city.beacon.infra.cap.xml.Alert;
import city.beacon.infra.cap.xml.Alert.Info;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;

/**
 * What an incoming CAP alert says in Beacon's terms. Of its info blocks the English one is read (else the first);
 * the type comes from Beacon's own event code when the alert has one (another Beacon's export), else from the
 * type table; the alert's own event is kept with the source. The first area with a circle or polygon locates it;
 * failing that, the first geocode the area-code table knows; failing that, the city centre, marked unresolved.
 */
final class CapAlertReader {
    private static final int SUMMARY_MAX = 500;
    private static final int ADDRESS_MAX = 300;
    private static final int EVENT_MAX = 200;
    private static final int AREA_CODES_MAX = 100;
    /** Beacon's affected areas stop at 100 km; a larger circle (a tsunami, a regional storm) keeps its centre. */
    private static final double AREA_RADIUS_MAX_KM = 100;
    private final CapTypeTable types;
    private final CapAreaCodes areaCodes;
    private final Place cityCentre;

    CapAlertReader(CapTypeTable types, CapAreaCodes areaCodes, Place cityCentre) {
        this.types = types;
        this.areaCodes = areaCodes;
        this.cityCentre = cityCentre;
    }

    record Facts(IncidentType type, Severity severity, Urgency urgency, Certainty certainty, Location location,
                 String summary, String event, boolean drill) {
        IncidentSource source(String identifier) {
            return new IncidentSource(SourceKind.EXTERNAL_ALERT, identifier, event);
        }
    }

    Facts read(Alert alert) {
        if (alert.getInfo().isEmpty()) {
            throw new CapViolation("info", "an alert needs an info block to act on");
        }
        var info = alert.getInfo().stream().filter(i -> i.getLanguage() != null && i.getLanguage().startsWith("en"))
                .findFirst().orElse(alert.getInfo().get(0));
        var type = info.getEventCode().stream()
                .filter(code -> CapAlertWriter.TYPE_CODE.equals(code.getValueName()))
                .map(code -> parseType(code.getValue()))
                .findFirst().orElseGet(() -> types.typeOf(info));
        return new Facts(type, Severity.valueOf(info.getSeverity().name()), Urgency.valueOf(info.getUrgency().name()),
                Certainty.valueOf(info.getCertainty().name()), location(info),
                cut(firstText(info.getDescription(), info.getHeadline(), info.getEvent()), SUMMARY_MAX),
                info.getEvent() == null || info.getEvent().isBlank() ? null : cut(info.getEvent().strip(), EVENT_MAX),
                alert.getStatus() == Alert.CapStatus.EXERCISE);
    }

    private static IncidentType parseType(String value) {
        try {
            return IncidentType.valueOf(value.trim());
        } catch (IllegalArgumentException e) {
            throw new CapViolation("info/eventCode", "unknown " + CapAlertWriter.TYPE_CODE + ": " + value);
        }
    }

    private Location location(Info info) {
        if (info.getArea().isEmpty()) {
            throw new CapViolation("info/area", "an alert needs an area to locate it");
        }
        var description = description(info);
        var codes = codes(info);
        for (var area : info.getArea()) {
            var circle = area.getCircle().stream().filter(c -> !c.isBlank()).findFirst();
            if (circle.isPresent()) {
                return circle(circle.get(), description, codes);
            }
            var polygon = area.getPolygon().stream().filter(p -> !p.isBlank()).findFirst();
            if (polygon.isPresent()) {
                var ring = ring(polygon.get());
                return new Location(centroid(ring), description, AffectedArea.polygon(ring), codes, null);
            }
        }
        for (var area : info.getArea()) {
            for (var code : area.getGeocode()) {
                var place = areaCodes.place(code.getValueName(), code.getValue());
                if (place.isPresent()) {
                    return new Location(CapAreaCodes.point(place.get()), description, null, codes,
                            LocationBasis.AREA_CODE);
                }
            }
        }
        return new Location(CapAreaCodes.point(cityCentre), description, null, codes,
                LocationBasis.AREA_CODE_UNRESOLVED);
    }

    private static Location circle(String text, String description, List<String> codes) {
        var parts = text.trim().split("\\s+");
        var center = point(parts[0], "info/area/circle");
        double km = parts.length > 1 ? number(parts[1], "info/area/circle") : 0;
        if (!(km >= 0)) {
            throw new CapViolation("info/area/circle", "the radius must be zero or more kilometres: " + parts[1]);
        }
        if (km > AREA_RADIUS_MAX_KM) {
            var where = (description == null ? "" : description + " ") + "(within " + parts[1] + " km of this point)";
            return new Location(center, cut(where, ADDRESS_MAX),
                    null, codes, null);
        }
        return new Location(center, description, km > 0 ? AffectedArea.circle(center, km * 1000) : null, codes, null);
    }

    private static List<GeoPoint> ring(String polygon) {
        var ring = new ArrayList<GeoPoint>();
        for (var pair : polygon.trim().split("\\s+")) {
            ring.add(point(pair, "info/area/polygon"));
        }
        if (ring.size() > 1 && ring.get(0).equals(ring.get(ring.size() - 1))) {
            ring.remove(ring.size() - 1);   // Beacon keeps the ring open; CAP repeats the first point
        }
        if (ring.size() < 3) {
            throw new CapViolation("info/area/polygon", "a polygon needs at least three points");
        }
        return ring;
    }

    /** The areas' descriptions, joined: with codes only, this is what people read as the place. */
    private static String description(Info info) {
        var names = new LinkedHashSet<String>();
        info.getArea().forEach(area -> {
            if (area.getAreaDesc() != null && !area.getAreaDesc().isBlank()) {
                names.add(area.getAreaDesc().strip());
            }
        });
        return names.isEmpty() ? null : cut(String.join("; ", names), ADDRESS_MAX);
    }

    private static List<String> codes(Info info) {
        var codes = new LinkedHashSet<String>();
        info.getArea().forEach(area -> area.getGeocode().forEach(code -> {
            if (code.getValue() != null && !code.getValue().isBlank() && codes.size() < AREA_CODES_MAX) {
                codes.add(Optional.ofNullable(code.getValueName()).orElse("").strip() + "=" + code.getValue().strip());
            }
        }));
        return List.copyOf(codes);
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

    private static String cut(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }
}
