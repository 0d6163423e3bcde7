package city.beacon.command.sensor;

import java.util.List;

/**
 * What the reading intake keeps of one sensor between batches: its latest reading, its recent history (oldest first,
 * bounded) and whether the intake believes it is in alarm. Times are epoch milliseconds: readings of one sensor less
 * than a millisecond apart count as one.
 */
public record SensorState(String sensorId, List<Point> history, Point latest, String unit, boolean inAlarm) {

    public record Point(double value, long at) {
    }

    public static SensorState empty(String sensorId) {
        return new SensorState(sensorId, List.of(), null, null, false);
    }

    public SensorState withAlarm(boolean alarm) {
        return new SensorState(sensorId, history, latest, unit, alarm);
    }
}
