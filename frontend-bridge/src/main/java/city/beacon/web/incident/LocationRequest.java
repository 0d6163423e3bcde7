package city.beacon.web.incident;

import city.beacon.api.incident.AffectedArea;
import city.beacon.api.incident.GeoPoint;
import city.beacon.api.incident.Location;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

public record LocationRequest(
        @NotNull @DecimalMin("-90") @DecimalMax("90") Double lat,
        @NotNull @DecimalMin("-180") @DecimalMax("180") Double lon,
        @Size(max = 300) String address,
        @Valid AreaRequest area) {

    Location toLocation() {
        var point = new GeoPoint(lat, lon);
        AffectedArea affected = null;
        if (area != null && area.radiusMeters() != null) {
            affected = AffectedArea.circle(point, area.radiusMeters());
        } else if (area != null) {
            affected = AffectedArea.polygon(area.polygon().stream().map(p -> new GeoPoint(p.lat(), p.lon())).toList());
        }
        return new Location(point, address == null || address.isBlank() ? null : address.strip(), affected);
    }
}
