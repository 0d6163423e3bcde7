package city.beacon.api.incident;

import city.beacon.api.common.Require;

import java.util.List;

/**
 * Where an incident is: a WGS84 point, an address people can read, and optionally the affected area. An external
 * alert may name its area only by codes (CAP geocodes such as UGC, SAME or China's administrative divisions):
 * those are kept in {@code areaCodes} ("valueName=value"), and {@code basis} says how the point was found
 * (null: given as coordinates).
 */
public record Location(GeoPoint point, String address, AffectedArea area, List<String> areaCodes,
                       LocationBasis basis) {
    public Location {
        Require.present(point, "location point");
        areaCodes = areaCodes == null || areaCodes.isEmpty() ? null : List.copyOf(areaCodes);
    }

    public Location(GeoPoint point, String address, AffectedArea area) {
        this(point, address, area, null, null);
    }

    public static Location at(double lat, double lon, String address) {
        return new Location(new GeoPoint(lat, lon), address, null);
    }
}
