package city.beacon.command.sensor;

import city.beacon.api.sensor.BreachKind;
import city.beacon.api.sensor.SensorDefinition;

import java.util.*;

/**
 * Applies one sensor's accepted readings of a batch to its state: drops duplicates (a time already in the history
 * or earlier in the batch), merges the rest into the bounded history, and walks the readings newer than the latest
 * one in time order to find the alarm transitions — raised when a threshold breaks while not in alarm, cleared
 * once a reading is back in the normal band (the gap between threshold and band keeps a value hovering at the
 * threshold from flapping). Older readings that arrive late join the history but change no alarm.
 */
public final class ReadingEvaluation {
    private ReadingEvaluation() { }

    public sealed interface Transition permits Raise, Clear {
        BatchReading reading();
    }

    public record Raise(BatchReading reading, BreachKind breach, double threshold, double deviation)
            implements Transition {
    }

    public record Clear(BatchReading reading) implements Transition {
    }

    public static Outcome evaluate(SensorDefinition definition, SensorState state, List<BatchReading> readings,
                                   int historySize) {
        var seen = new HashSet<Long>();
        for (var point : state.history()) {
            seen.add(point.at());
        }
        var sorted = new ArrayList<>(readings);
        sorted.sort(Comparator.comparing(BatchReading::at));
        var duplicates = new HashSet<Integer>();
        var fresh = new ArrayList<BatchReading>();
        for (var reading : sorted) {
            if (!seen.add(reading.at().toEpochMilli())) {
                duplicates.add(reading.index());
            } else {
                fresh.add(reading);
            }
        }
        if (fresh.isEmpty()) {
            return new Outcome(state, duplicates, List.of(), false);
        }
        var history = new ArrayList<>(state.history());
        for (var reading : fresh) {
            history.add(new SensorState.Point(reading.value(), reading.at().toEpochMilli()));
        }
        history.sort(Comparator.comparingLong(SensorState.Point::at));
        if (history.size() > historySize) {
            history = new ArrayList<>(history.subList(history.size() - historySize, history.size()));
        }
        var transitions = new ArrayList<Transition>();
        var previous = state.latest();
        boolean inAlarm = state.inAlarm();
        for (var reading : fresh) {
            long at = reading.at().toEpochMilli();
            if (previous != null && at <= previous.at()) {
                continue;
            }
            if (!inAlarm) {
                var raise = breach(definition, previous, reading);
                if (raise != null) {
                    transitions.add(raise);
                    inAlarm = true;
                }
            } else if (definition.normal().contains(reading.value())) {
                transitions.add(new Clear(reading));
                inAlarm = false;
            }
            previous = new SensorState.Point(reading.value(), at);
        }
        var latest = state.latest();
        var newest = history.get(history.size() - 1);
        if (latest == null || newest.at() > latest.at()) {
            latest = newest;
        }
        var next = new SensorState(state.sensorId(), List.copyOf(history), latest, definition.unit(), inAlarm);
        return new Outcome(next, duplicates, transitions, true);
    }

    /** @param duplicates indexes of the batch's readings seen before; @param changed false: nothing to write */
    public record Outcome(SensorState next, Set<Integer> duplicates, List<Transition> transitions, boolean changed) {
    }

    static Raise breach(SensorDefinition definition, SensorState.Point previous, BatchReading reading) {
        var alarm = definition.alarm();
        double value = reading.value();
        double deviation = deviation(definition, value);
        if (alarm.low() != null && value < alarm.low()) {
            return new Raise(reading, BreachKind.LOW, alarm.low(), deviation);
        }
        if (alarm.high() != null && value > alarm.high()) {
            return new Raise(reading, BreachKind.HIGH, alarm.high(), deviation);
        }
        if (alarm.ratePerMinute() != null && previous != null) {
            // At least a second apart: two readings a few milliseconds apart would make any jitter a huge rate.
            double minutes = Math.max(reading.at().toEpochMilli() - previous.at(), 1000) / 60_000.0;
            double rate = Math.abs(value - previous.value()) / minutes;
            if (rate > alarm.ratePerMinute()) {
                return new Raise(reading, BreachKind.RATE, alarm.ratePerMinute(), deviation);
            }
        }
        return null;
    }

    /** Signed fraction of the nominal value (the normal band's middle); of the band's width when nominal is 0. */
    static double deviation(SensorDefinition definition, double value) {
        double nominal = definition.normal().middle();
        double scale = nominal != 0 ? Math.abs(nominal) : definition.normal().max() - definition.normal().min();
        return (value - nominal) / scale;
    }
}
