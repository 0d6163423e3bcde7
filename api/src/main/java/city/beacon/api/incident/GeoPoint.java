package city.beacon.api.incident;

/** A WGS84 point. */
public record GeoPoint(double lat, double lon) {
    public GeoPoint {
        if (!Double.isFinite(lat) || lat < -90 || lat > 90) {
            throw new IllegalArgumentException("latitude must be between -90 and 90: " + lat);
        }
        if (!Double.isFinite(lon) || lon < -180 || lon > 180) {
            throw new IllegalArgumentException("longitude must be between -180 and 180: " + lon);
        }
    }
}
