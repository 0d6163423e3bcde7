package city.beacon.web.sensor;

import java.util.List;

public record ReadingsResponse(int accepted, int rejected, List<ReadingOutcome> results) {
}
