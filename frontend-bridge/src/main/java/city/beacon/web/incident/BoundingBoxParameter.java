package city.beacon.web.incident;

import city.beacon.api.board.BoundingBox;
import city.beacon.api.common.RuleViolationException;

/** Reads {@code bbox=south,west,north,east} (note: Leaflet's toBBoxString() gives west,south,east,north). */
public final class BoundingBoxParameter {
    private BoundingBoxParameter() { }

    public static BoundingBox parse(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String[] parts = value.split(",");
        if (parts.length != 4) {
            throw new RuleViolationException("bbox", "bbox must be south,west,north,east");
        }
        try {
            double south = Double.parseDouble(parts[0].trim());
            double west = Double.parseDouble(parts[1].trim());
            double north = Double.parseDouble(parts[2].trim());
            double east = Double.parseDouble(parts[3].trim());
            // Written as "not within" so that NaN, which fails every comparison, is out of range too.
            if (!(Math.abs(south) <= 90 && Math.abs(north) <= 90 && Math.abs(west) <= 180 && Math.abs(east) <= 180)) {
                throw new RuleViolationException("bbox", "bbox coordinates are out of range");
            }
            return new BoundingBox(south, west, north, east);
        } catch (NumberFormatException e) {
            throw new RuleViolationException("bbox", "bbox must be four numbers: south,west,north,east");
        } catch (IllegalArgumentException e) {
            throw new RuleViolationException("bbox", e.getMessage());
        }
    }
}
