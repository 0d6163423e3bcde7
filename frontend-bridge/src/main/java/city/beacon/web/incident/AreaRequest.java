package city.beacon.web.incident;

import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

import java.util.List;

/** Either a radius around the incident's point (a cordon) or a polygon, never both. */
public record AreaRequest(
        @Positive @DecimalMax("100000") Double radiusMeters,
        @Size(min = 3, max = 500) List<@Valid PointRequest> polygon) {

    @AssertTrue(message = "give either radiusMeters or polygon, not both")
    public boolean isEitherCircleOrPolygon() {
        return (radiusMeters == null) != (polygon == null);
    }
}
