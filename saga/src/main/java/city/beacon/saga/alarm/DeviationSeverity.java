package city.beacon.saga.alarm;

import city.beacon.api.incident.Severity;

/**
 * How bad an alarm is, from how far the reading is from the sensor's nominal value (either direction):
 * at least 60 % → EXTREME, 40 % → SEVERE, 20 % → MODERATE, less → MINOR. A gas main at 0.22 MPa against a nominal
 * 0.40 MPa (45 % below) is SEVERE.
 */
final class DeviationSeverity {
    private DeviationSeverity() { }

    static Severity of(double deviation) {
        double size = Math.abs(deviation);
        if (size >= 0.60) {
            return Severity.EXTREME;
        } else if (size >= 0.40) {
            return Severity.SEVERE;
        } else if (size >= 0.20) {
            return Severity.MODERATE;
        }
        return Severity.MINOR;
    }
}
