package city.beacon.saga.alarm;

import java.time.Duration;

/**
 * @param radiusMeters   an alarm within this distance of an open alarm incident joins it
 * @param window         ... if that incident's last alarm is at most this old (the same sensor joins regardless)
 * @param affectedRadiusMeters the affected circle a new alarm incident gets (the cordon a public warning names)
 */
public record CorrelationSettings(double radiusMeters, Duration window, double affectedRadiusMeters) {
}
