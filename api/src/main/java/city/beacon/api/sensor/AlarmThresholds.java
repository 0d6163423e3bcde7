package city.beacon.api.sensor;

/**
 * When a reading is an alarm: below {@code low}, above {@code high}, or changing faster than
 * {@code ratePerMinute} (absolute units per minute). Each is optional (null: not checked).
 */
public record AlarmThresholds(Double low, Double high, Double ratePerMinute) {
}
