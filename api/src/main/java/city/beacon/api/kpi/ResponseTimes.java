package city.beacon.api.kpi;

/**
 * Durations in seconds from a task's request to an event (acknowledgment, arrival on scene).
 * @param medianSeconds and @param p90Seconds null when there are no samples
 */
public record ResponseTimes(int samples, Double medianSeconds, Double p90Seconds) {
}
