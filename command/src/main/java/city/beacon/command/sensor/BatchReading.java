package city.beacon.command.sensor;

import city.beacon.api.sensor.SensorReading;

import java.time.Instant;

/** One reading of a gateway's batch for one sensor; {@code index} is its position in the batch, to answer per item. */
public record BatchReading(int index, double value, String unit, Instant at) {

    public SensorReading reading() {
        return new SensorReading(value, unit, at);
    }
}
