package city.beacon.command.sensor;

import city.beacon.command.Fields;

import city.beacon.api.common.TransitionRejectedException;
import city.beacon.api.sensor.*;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

import java.time.Clock;
import java.time.Instant;
import java.util.Objects;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A registered sensor and its alarm state. Its readings never pass through here (thousands a second, kept in a
 * read-side store); only the changes that matter to operators and auditors do: registration, alarm raised, alarm
 * cleared, silence. An aggregate rather than a configuration document, so that which thresholds applied when an
 * alarm was raised is part of the audited history, and so that two nodes seeing the same breach raise one alarm.
 */
@Aggregate
public class Sensor {
    @AggregateIdentifier
    private SensorId sensorId;
    private SensorDefinition definition;
    private boolean inAlarm;
    private Instant silentSince;

    protected Sensor() {
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(RegisterSensorCommand cmd, Clock clock) {
        var valid = SensorRules.valid(cmd.definition());
        if (sensorId == null) {
            apply(new SensorRegisteredEvent(cmd.sensorId(), valid, clock.instant()));
        } else if (!valid.equals(definition)) {
            apply(new SensorRedefinedEvent(sensorId, valid, clock.instant()));
        }
    }

    @CommandHandler
    void handle(RaiseSensorAlarmCommand cmd, Clock clock) {
        requireRegistered("raise an alarm");
        if (inAlarm) {
            return;   // still in alarm: further breaching readings are history, not news
        }
        var reading = Fields.require(cmd.reading(), "reading");
        var breach = Fields.require(cmd.breach(), "breach");
        apply(new SensorAlarmRaisedEvent(sensorId, definition.kind(), definition.name(), definition.point(),
                definition.address(), definition.department(), definition.incidentType(), reading, breach,
                cmd.threshold(), cmd.deviation(), clock.instant()));
    }

    @CommandHandler
    void handle(ClearSensorAlarmCommand cmd, Clock clock) {
        requireRegistered("clear an alarm");
        if (!inAlarm) {
            return;
        }
        apply(new SensorAlarmClearedEvent(sensorId, Fields.require(cmd.reading(), "reading"), clock.instant()));
    }

    @CommandHandler
    void handle(ReportSensorSilentCommand cmd, Clock clock) {
        requireRegistered("report silence");
        var since = cmd.lastReadingAt() == null ? Instant.EPOCH : cmd.lastReadingAt();
        if (Objects.equals(since, silentSince)) {
            return;   // this silence was reported already (by this node's watch or another's)
        }
        apply(new SensorWentSilentEvent(sensorId, cmd.lastReadingAt(), definition.silentAfter(), clock.instant()));
    }

    @CommandHandler
    void handle(LinkSensorAlarmCommand cmd, Clock clock) {
        requireRegistered("link an alarm");
        apply(new SensorAlarmLinkedEvent(sensorId, Fields.require(cmd.incidentId(), "incidentId"),
                clock.instant()));
    }

    private void requireRegistered(String action) {
        if (sensorId == null) {
            throw new TransitionRejectedException("sensor", "unregistered", action);
        }
    }

    @EventSourcingHandler
    void on(SensorRegisteredEvent e) {
        sensorId = e.sensorId();
        definition = e.definition();
    }

    @EventSourcingHandler
    void on(SensorRedefinedEvent e) {
        definition = e.definition();
    }

    @EventSourcingHandler
    void on(SensorAlarmRaisedEvent e) {
        inAlarm = true;
    }

    @EventSourcingHandler
    void on(SensorAlarmClearedEvent e) {
        inAlarm = false;
    }

    @EventSourcingHandler
    void on(SensorWentSilentEvent e) {
        silentSince = e.lastReadingAt() == null ? Instant.EPOCH : e.lastReadingAt();
    }
}
