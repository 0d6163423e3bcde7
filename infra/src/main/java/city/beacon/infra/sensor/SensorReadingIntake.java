package city.beacon.infra.sensor;

import city.beacon.api.common.Actor;
import city.beacon.api.sensor.*;
import city.beacon.command.sensor.BatchReading;
import city.beacon.command.sensor.ReadingEvaluation;
import city.beacon.command.sensor.SensorState;
import city.beacon.web.sensor.Reading;
import city.beacon.web.sensor.ReadingIntake;
import city.beacon.web.sensor.ReadingOutcome;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.util.*;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The readings path. Per batch: one registry lookup, per-reading checks, then — holding the locks of the batch's
 * sensors — one {@code $in} read of their documents, the evaluation of each sensor's readings, a command for each
 * alarm transition (the only part that touches Axon), and one bulk write. So a batch of a thousand readings costs a
 * handful of round trips, not a thousand.
 * <p>
 * The locks serialize batches touching the same sensor on this node (the embedded store does not make concurrent
 * updates of one document atomic). A deployment sends one gateway's readings to one node; should two nodes evaluate
 * the same sensor at once, the Sensor aggregate still raises its alarm once.
 */
public class SensorReadingIntake implements ReadingIntake {
    static final Actor ACTOR = Actor.system("sensor-intake");
    private static final Logger log = LoggerFactory.getLogger(SensorReadingIntake.class);
    private static final int STRIPES = 1024;
    private final ReentrantLock[] locks = new ReentrantLock[STRIPES];
    private final SensorRegistry registry;
    private final ReadingStore store;
    private final CommandGateway commands;
    private final Clock clock;
    private final SensorProperties properties;

    SensorReadingIntake(SensorRegistry registry, ReadingStore store, CommandGateway commands, Clock clock,
                        SensorProperties properties) {
        this.registry = registry;
        this.store = store;
        this.commands = commands;
        this.clock = clock;
        this.properties = properties;
        for (int i = 0; i < STRIPES; i++) {
            locks[i] = new ReentrantLock();
        }
    }

    @Override
    public List<ReadingOutcome> accept(List<Reading> readings) {
        var outcomes = new ArrayList<ReadingOutcome>(readings.size());
        var ids = new HashSet<String>();
        readings.forEach(reading -> ids.add(reading.sensorId()));
        var definitions = registry.definitions(ids);
        var latestAllowed = clock.instant().plus(properties.futureSkew());
        var bySensor = new TreeMap<String, List<Reading>>();
        for (var reading : readings) {
            var definition = definitions.get(reading.sensorId());
            var rejection = check(reading, definition, latestAllowed);
            if (rejection != null) {
                outcomes.add(rejection);
            } else {
                bySensor.computeIfAbsent(reading.sensorId(), id -> new ArrayList<>()).add(reading);
            }
        }
        if (!bySensor.isEmpty()) {
            var held = lock(bySensor.keySet());
            try {
                outcomes.addAll(apply(bySensor, definitions));
            } finally {
                held.forEach(ReentrantLock::unlock);
            }
        }
        return outcomes;
    }

    @Override
    public List<Map<String, Object>> recent(String sensorId) {
        var points = new ArrayList<Map<String, Object>>();
        store.load(sensorId).ifPresent(state -> state.history().forEach(point -> points.add(Map.of(
                "value", point.value(), "at", java.time.Instant.ofEpochMilli(point.at()).toString()))));
        return points;
    }

    private static ReadingOutcome check(Reading reading, SensorDefinition definition, java.time.Instant latestAllowed) {
        if (definition == null) {
            return ReadingOutcome.rejected(reading, "UNKNOWN_SENSOR", "no sensor " + reading.sensorId() + " is registered");
        }
        if (!Double.isFinite(reading.value())) {
            return ReadingOutcome.rejected(reading, "NOT_A_NUMBER", "value is " + reading.value());
        }
        if (!definition.unit().equalsIgnoreCase(reading.unit())) {
            return ReadingOutcome.rejected(reading, "UNIT_MISMATCH", "expected " + definition.unit() + ", got "
                    + reading.unit());
        }
        if (!definition.physical().contains(reading.value())) {
            return ReadingOutcome.rejected(reading, "OUT_OF_PHYSICAL_RANGE", reading.value() + " is outside "
                    + definition.physical().min() + " … " + definition.physical().max() + " " + definition.unit());
        }
        if (reading.at().isAfter(latestAllowed)) {
            return ReadingOutcome.rejected(reading, "IN_THE_FUTURE", reading.at() + " is later than now");
        }
        return null;
    }

    private List<ReadingOutcome> apply(Map<String, List<Reading>> bySensor, Map<String, SensorDefinition> definitions) {
        var outcomes = new ArrayList<ReadingOutcome>();
        var states = store.load(bySensor.keySet());
        var changed = new ArrayList<SensorState>();
        for (var entry : bySensor.entrySet()) {
            var id = entry.getKey();
            var state = states.getOrDefault(id, SensorState.empty(id));
            var batch = entry.getValue().stream()
                    .map(r -> new BatchReading(r.index(), r.value(), r.unit(), r.at())).toList();
            var outcome = ReadingEvaluation.evaluate(definitions.get(id), state, batch, properties.historySize());
            for (var reading : entry.getValue()) {
                outcomes.add(outcome.duplicates().contains(reading.index())
                        ? ReadingOutcome.rejected(reading, "DUPLICATE", "a reading of " + id + " at " + reading.at()
                        + " was taken in before")
                        : ReadingOutcome.accepted(reading));
            }
            if (outcome.changed()) {
                changed.add(transition(id, state, outcome));
            }
        }
        store.saveAll(changed);
        return outcomes;
    }

    /** Sends the sensor's alarm transitions; the stored alarm flag follows only what the Sensor accepted. */
    private SensorState transition(String id, SensorState before, ReadingEvaluation.Outcome outcome) {
        var next = outcome.next();
        boolean inAlarm = before.inAlarm();
        for (var transition : outcome.transitions()) {
            var reading = transition.reading().reading();
            Object command = transition instanceof ReadingEvaluation.Raise raise
                    ? new RaiseSensorAlarmCommand(new SensorId(id), reading, raise.breach(), raise.threshold(),
                    raise.deviation())
                    : new ClearSensorAlarmCommand(new SensorId(id), reading);
            try {
                commands.sendAndWait(GenericCommandMessage.asCommandMessage(command).andMetaData(ACTOR.toMetaData()),
                        10, TimeUnit.SECONDS);
                inAlarm = transition instanceof ReadingEvaluation.Raise;
            } catch (RuntimeException e) {
                // The reading stays in the history; the next reading re-evaluates from the state the Sensor has.
                log.warn("alarm transition of sensor {} not recorded: {}", id, e.toString());
                break;
            }
        }
        return next.withAlarm(inAlarm);
    }

    private List<ReentrantLock> lock(Set<String> sensorIds) {
        var stripes = new TreeSet<Integer>();
        for (var id : sensorIds) {
            stripes.add(Math.floorMod(id.hashCode(), STRIPES));
        }
        var held = new ArrayList<ReentrantLock>(stripes.size());
        for (var stripe : stripes) {   // ascending order: two batches can never wait on each other
            locks[stripe].lock();
            held.add(locks[stripe]);
        }
        return held;
    }
}
