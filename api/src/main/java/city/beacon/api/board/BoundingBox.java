package city.beacon.api.board;

import city.beacon.api.incident.GeoPoint;

/** The part of the map an operator is looking at. */
public record BoundingBox(double south, double west, double north, double east) {
    public BoundingBox {
        if (south > north) {
            throw new IllegalArgumentException("south must not be north of north");
        }
    }

    public boolean contains(GeoPoint point) {
        boolean latitude = point.lat() >= south && point.lat() <= north;
        boolean longitude = west <= east
                ? point.lon() >= west && point.lon() <= east
                : point.lon() >= west || point.lon() <= east;   // a box across the antimeridian
        return latitude && longitude;
    }
}
