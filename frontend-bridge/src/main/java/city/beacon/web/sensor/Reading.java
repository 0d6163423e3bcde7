package city.beacon.web.sensor;

import java.time.Instant;

/** One reading of a batch, as the gateway sent it; {@code index} is its position in the batch. */
public record Reading(int index, String sensorId, double value, String unit, Instant at) {
}
