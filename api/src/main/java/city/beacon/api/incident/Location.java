package city.beacon.api.incident;

import city.beacon.api.common.Require;

/** Where an incident is: a WGS84 point, an address people can read, and optionally the affected area. */
public record Location(GeoPoint point, String address, AffectedArea area) {
    public Location {
        Require.present(point, "location point");
    }

    public static Location at(double lat, double lon, String address) {
        return new Location(new GeoPoint(lat, lon), address, null);
    }
}
