package city.beacon.api.sensor;

import city.beacon.api.common.Require;

/** A sensor's tag as the utility painted it on the box, e.g. GP-0101; configured, never generated. */
public record SensorId(String value) {
    public SensorId {
        Require.text(value, "sensor id", 64);
    }

    @Override
    public String toString() {
        return value;   // Axon identifies aggregates by toString()
    }
}
