package city.beacon.api.sensor;

/** A closed interval of measured values, in the sensor's unit. */
public record ValueRange(double min, double max) {

    public boolean contains(double value) {
        return value >= min && value <= max;
    }

    public double middle() {
        return (min + max) / 2;
    }
}
