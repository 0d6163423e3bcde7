package city.beacon.api.incident;

import java.util.List;

/**
 * The area a warning or cordon covers: either a circle (centre and radius) or a polygon. One record with
 * optional parts rather than a sealed hierarchy, so the published language needs no serializer annotations.
 */
public record AffectedArea(GeoPoint center, Double radiusMeters, List<GeoPoint> polygon) {
    public AffectedArea {
        boolean circle = center != null && radiusMeters != null;
        boolean ring = polygon != null && !polygon.isEmpty();
        if (circle == ring) {
            throw new IllegalArgumentException("an affected area is either a circle or a polygon");
        }
        if (circle && (!(radiusMeters > 0) || radiusMeters > 100_000)) {
            throw new IllegalArgumentException("radius must be between 0 and 100 km: " + radiusMeters);
        }
        if (ring && polygon.size() < 3) {
            throw new IllegalArgumentException("a polygon needs at least three points");
        }
        polygon = ring ? List.copyOf(polygon) : null;
    }

    public static AffectedArea circle(GeoPoint center, double radiusMeters) {
        return new AffectedArea(center, radiusMeters, null);
    }

    public static AffectedArea polygon(List<GeoPoint> points) {
        return new AffectedArea(null, null, points);
    }
}
