package city.beacon.saga.alarm;

import city.beacon.api.common.Actor;
import city.beacon.api.incident.*;
import city.beacon.api.sensor.LinkSensorAlarmCommand;
import city.beacon.api.sensor.SensorAlarmClearedEvent;
import city.beacon.api.sensor.SensorAlarmRaisedEvent;
import city.beacon.api.sensor.SensorWentSilentEvent;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.modelling.command.ConcurrencyException;

import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Turns sensor alarms into incidents: the first alarm around a place opens an incident of the sensor's mapped type,
 * with a severity from how far the reading is from normal ({@link DeviationSeverity}) and the sensor as its source;
 * further alarms of the same sensor, or of sensors within the configured radius and time window, join that incident
 * (a note and a SensorAlarmLinked event) instead of opening new ones.
 * <p>
 * A process manager whose state is the small set of open alarm incidents ({@link OpenAlarmIncidents}) rather than
 * an Axon saga instance: which incident an alarm joins depends on distance, which no association value can express.
 * Correlation must see one alarm at a time (two alarms of one leak arriving together must not open two incidents),
 * so its processing group is a tracking processor with a single segment: one thread on one node handles every alarm
 * in stream order. Incident ids are derived from the alarm, so an alarm redelivered after a crash reports the same
 * incident again, which the event store refuses, instead of a second one.
 * <p>
 * The open alarm incidents are written at once, the report's events only when the processor's batch commits: a batch
 * whose events the store refused (its disk full) or whose node died is handled again with the alarm already recorded.
 * An alarm seen again whose incident never reached the store is therefore reported again.
 * <p>
 * The automatic action of the sensor's department (the gas utility's remote valve) is requested by the incident's
 * IncidentResponseSaga, the one process that decides which departments an incident has tasked (see AutomaticActions).
 */
@ProcessingGroup(AlarmCorrelator.GROUP)
@DisallowReplay   // it reports incidents: replaying history would report every old alarm again
public class AlarmCorrelator {
    public static final String GROUP = "alarm-correlation";
    static final Actor ACTOR = Actor.system("alarm-correlation");
    private final CommandGateway commands;
    private final OpenAlarmIncidents open;
    private final CorrelationSettings settings;
    private final ReportedIncidents reported;

    public AlarmCorrelator(CommandGateway commands, OpenAlarmIncidents open, CorrelationSettings settings,
                           ReportedIncidents reported) {
        this.commands = commands;
        this.open = open;
        this.settings = settings;
        this.reported = reported;
    }

    @EventHandler
    void on(SensorAlarmRaisedEvent e) {
        var key = alarmKey(e);
        var incidents = open.all();
        if (incidents.stream().anyMatch(incident -> incident.alarmKeys().contains(key))) {
            // Handled before; the incident it opened may have been lost with its batch.
            var opened = incidentFor(key);
            if (incidents.stream().anyMatch(incident -> incident.incidentId().equals(opened))
                    && !reported.stored(opened)) {
                report(e, key);
            }
            return;
        }
        var sensor = e.sensorId().value();
        var joined = incidents.stream().filter(incident -> incident.sensorIds().contains(sensor)).findFirst()
                .or(() -> nearest(incidents, e));
        if (joined.isPresent()) {
            join(joined.get(), e, key);
        } else {
            report(e, key);
        }
    }

    /** Operators learn on the incident when one of its sensors is back to normal. */
    @EventHandler
    void on(SensorAlarmClearedEvent e) {
        open.all().stream().filter(incident -> incident.sensorIds().contains(e.sensorId().value())).findFirst()
                .ifPresent(incident -> send(new AddIncidentNoteCommand(incident.incidentId(), "Sensor " + e.sensorId()
                        + " back to normal: " + trim(e.reading().value()) + " " + e.reading().unit())));
    }

    /** ... and when one of its sensors stops reporting, which may mean the leak reached it. */
    @EventHandler
    void on(SensorWentSilentEvent e) {
        open.all().stream().filter(incident -> incident.sensorIds().contains(e.sensorId().value())).findFirst()
                .ifPresent(incident -> send(new AddIncidentNoteCommand(incident.incidentId(), "Sensor " + e.sensorId()
                        + " has sent nothing since " + e.lastReadingAt())));
    }

    @EventHandler
    void on(IncidentResolvedEvent e) {
        open.remove(e.incidentId());
    }

    @EventHandler
    void on(IncidentClosedEvent e) {
        open.remove(e.incidentId());
    }

    @EventHandler
    void on(IncidentCancelledEvent e) {
        open.remove(e.incidentId());
    }

    @EventHandler
    void on(IncidentMergedEvent e) {
        open.remove(e.incidentId());
    }

    private Optional<OpenAlarmIncident> nearest(java.util.List<OpenAlarmIncident> incidents, SensorAlarmRaisedEvent e) {
        return incidents.stream()
                .filter(incident -> !e.raisedAt().isAfter(incident.lastAlarmAt().plus(settings.window())))
                .filter(incident -> Distance.meters(incident.point(), e.point()) <= settings.radiusMeters())
                .min(Comparator.comparingDouble(incident -> Distance.meters(incident.point(), e.point())));
    }

    private void report(SensorAlarmRaisedEvent e, String key) {
        var incidentId = incidentFor(key);
        var area = AffectedArea.circle(e.point(), settings.affectedRadiusMeters());
        var command = new ReportIncidentCommand(incidentId, e.incidentType(), DeviationSeverity.of(e.deviation()),
                Urgency.IMMEDIATE, Certainty.LIKELY, new Location(e.point(), e.address(), area), describe(e),
                new IncidentSource(SourceKind.SENSOR, e.sensorId().value()), false);
        try {
            send(command);
        } catch (ConcurrencyException alreadyReported) {
            // redelivered: the incident exists; record it below as if this were the first time
        }
        open.save(new OpenAlarmIncident(incidentId, e.point(), Set.of(e.sensorId().value()), Set.of(key),
                e.raisedAt()));
        send(new LinkSensorAlarmCommand(e.sensorId(), incidentId));
    }

    private static IncidentId incidentFor(String alarmKey) {
        var name = ("alarm:" + alarmKey).getBytes(StandardCharsets.UTF_8);
        return new IncidentId(UUID.nameUUIDFromBytes(name).toString());
    }

    private void join(OpenAlarmIncident incident, SensorAlarmRaisedEvent e, String key) {
        long meters = Math.round(Distance.meters(incident.point(), e.point()));
        send(new AddIncidentNoteCommand(incident.incidentId(), "Alarm joined: " + describe(e) + ", " + meters
                + " m from the first alarm"));
        open.save(incident.joinedBy(e.sensorId().value(), key, e.raisedAt()));
        send(new LinkSensorAlarmCommand(e.sensorId(), incident.incidentId()));
    }

    /** e.g. "GP-0101 Gas main, Nanjing Rd W: 0.22 MPa, 45 % below normal (LOW threshold 0.32 MPa)". */
    static String describe(SensorAlarmRaisedEvent e) {
        var reading = e.reading();
        var direction = e.deviation() < 0 ? "below" : "above";
        var unit = e.breach() == city.beacon.api.sensor.BreachKind.RATE ? reading.unit() + "/min" : reading.unit();
        return String.format(Locale.ROOT, "%s %s: %s %s, %d %% %s normal (%s threshold %s %s)", e.sensorId(),
                e.name(), trim(reading.value()), reading.unit(), Math.round(Math.abs(e.deviation()) * 100), direction,
                e.breach(), trim(e.threshold()), unit);
    }

    private static String trim(double value) {
        return java.math.BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }

    private static String alarmKey(SensorAlarmRaisedEvent e) {
        return e.sensorId().value() + "@" + e.raisedAt();
    }

    private <R> R send(Object command) {
        return commands.sendAndWait(GenericCommandMessage.asCommandMessage(command).andMetaData(ACTOR.toMetaData()));
    }
}
