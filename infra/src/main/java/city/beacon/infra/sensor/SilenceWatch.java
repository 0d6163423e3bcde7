package city.beacon.infra.sensor;

import city.beacon.api.common.Actor;
import city.beacon.api.sensor.ReportSensorSilentCommand;
import city.beacon.api.sensor.SensorId;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Reports sensors that have sent nothing for longer than their {@code silentAfter}. Runs on a schedule on every
 * node; the Sensor reports one silence once however many nodes notice it. A sensor that never sent anything is
 * measured from when this node started watching, so a restart does not report the whole city at once.
 */
public class SilenceWatch {
    static final Actor ACTOR = Actor.system("sensor-silence-watch");
    private static final Logger log = LoggerFactory.getLogger(SilenceWatch.class);
    private final SensorRegistry registry;
    private final ReadingStore store;
    private final CommandGateway commands;
    private final Clock clock;
    private final Instant watchingSince;
    private final Map<String, Instant> reported = new ConcurrentHashMap<>();

    SilenceWatch(SensorRegistry registry, ReadingStore store, CommandGateway commands, Clock clock) {
        this.registry = registry;
        this.store = store;
        this.commands = commands;
        this.clock = clock;
        this.watchingSince = clock.instant();
    }

    /** One round: every registered sensor with a silence limit, and its latest reading by a keyed lookup. */
    public int check() {
        var now = clock.instant();
        var watched = registry.all().entrySet().stream()
                .filter(entry -> entry.getValue().silentAfter() != null).toList();
        var states = store.load(watched.stream().map(Map.Entry::getKey).toList());
        int sent = 0;
        for (var entry : watched) {
            var state = states.get(entry.getKey());
            Instant last = state == null || state.latest() == null ? null : Instant.ofEpochMilli(state.latest().at());
            var since = last == null ? watchingSince : last;
            if (!since.plus(entry.getValue().silentAfter()).isBefore(now)
                    || Objects.equals(reported.get(entry.getKey()), since)) {
                continue;
            }
            try {
                commands.sendAndWait(GenericCommandMessage.asCommandMessage(new ReportSensorSilentCommand(
                        new SensorId(entry.getKey()), last)).andMetaData(ACTOR.toMetaData()), 10, TimeUnit.SECONDS);
                reported.put(entry.getKey(), since);
                sent++;
            } catch (RuntimeException e) {
                log.warn("could not report sensor {} silent: {}", entry.getKey(), e.toString());
            }
        }
        return sent;
    }

    void checkQuietly() {
        try {
            check();
        } catch (RuntimeException e) {
            log.warn("silence check failed: {}", e.toString());
        }
    }
}
