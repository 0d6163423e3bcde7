package city.beacon.infra.cap;

import city.beacon.api.common.Actor;
import city.beacon.api.common.NotPermittedException;
import city.beacon.api.common.Role;
import city.beacon.api.common.RuleViolationException;
import city.beacon.api.common.TransitionRejectedException;
import city.beacon.api.incident.*;
import city.beacon.infra.cap.xml.Alert;
import city.beacon.web.cap.CapAlerts;
import city.beacon.web.cap.CapProperties;
import city.beacon.web.messaging.Commands;
import city.beacon.web.messaging.Queries;
import city.beacon.web.problem.UnknownResourceException;
import org.axonframework.messaging.responsetypes.ResponseTypes;

import java.time.Clock;
import java.time.ZoneId;

/**
 * CAP out: renders an incident's public warning, validated against the schema. CAP in: an Alert from a trusted
 * agency reports an incident (source EXTERNAL_ALERT, reference = the alert's identifier); an Update reclassifies,
 * relocates and annotates the incident its reference created; a Cancel cancels it. Every received alert is
 * recorded against its incident, which is how references find it and duplicates are refused.
 */
class CapService implements CapAlerts {
    private final CapCodec codec;
    private final CapAlertWriter writer;
    private final ReceivedAlerts received;
    private final Commands commands;
    private final Queries queries;
    private final CapProperties properties;
    private final Clock clock;

    CapService(CapCodec codec, ReceivedAlerts received, Commands commands, Queries queries, CapProperties properties,
               ZoneId zone, Clock clock) {
        this.codec = codec;
        this.writer = new CapAlertWriter(properties.sender(), properties.identifierPrefix(), zone);
        this.received = received;
        this.commands = commands;
        this.queries = queries;
        this.properties = properties;
        this.clock = clock;
    }

    @Override
    public String export(String incidentId) {
        var id = new IncidentId(incidentId);
        var incident = queries.ask(new FindIncidentQuery(id), ResponseTypes.optionalInstanceOf(IncidentView.class))
                .orElseThrow(() -> new UnknownResourceException("No incident " + incidentId));
        var warnings = queries.ask(new FindPublicWarningsQuery(id),
                ResponseTypes.multipleInstancesOf(PublicWarningView.class));
        return codec.write(writer.write(incident, warnings, clock.instant()));
    }

    @Override
    public ImportedAlert receive(String xml, String agency) {
        try {
            return take(codec.read(xml), agency);
        } catch (CapViolation e) {
            throw new RuleViolationException(e.field() == null ? "alert" : e.field(), e.getMessage());
        }
    }

    private ImportedAlert take(Alert alert, String agency) {
        var trusted = properties.trustedSenders().get(agency);
        if (trusted != null && trusted.sender() != null && !trusted.sender().equals(alert.getSender())) {
            throw new NotPermittedException("this key may send alerts as " + trusted.sender() + " only, not as "
                    + alert.getSender());
        }
        var actor = new Actor("cap:" + agency, Role.SYSTEM, null);
        var key = alert.getSender() + "," + alert.getIdentifier();
        return switch (alert.getMsgType()) {
            case ALERT -> report(alert, key, actor);
            case UPDATE, CANCEL -> change(alert, key, actor);
            case ACK, ERROR -> throw new CapViolation("msgType", "Beacon does not act on " + alert.getMsgType().value()
                    + " messages");
        };
    }

    private ImportedAlert report(Alert alert, String key, Actor actor) {
        requireActionable(alert);
        var facts = CapAlertReader.read(alert);
        var incidentId = IncidentId.random();
        claim(key, incidentId.value(), alert);
        try {
            commands.send(new ReportIncidentCommand(incidentId, facts.type(), facts.severity(), facts.urgency(),
                    facts.certainty(), facts.location(), facts.summary(),
                    new IncidentSource(SourceKind.EXTERNAL_ALERT, alert.getIdentifier()), facts.drill()), actor);
        } catch (RuntimeException e) {
            received.release(key);
            throw e;
        }
        return new ImportedAlert(alert.getIdentifier(), alert.getMsgType().value(), incidentId.value());
    }

    private ImportedAlert change(Alert alert, String key, Actor actor) {
        requireActionable(alert);
        if (alert.getReferences() == null || alert.getReferences().isBlank()) {
            throw new CapViolation("references", "an " + alert.getMsgType().value() + " must reference earlier alerts");
        }
        String incidentId = null;
        for (var reference : alert.getReferences().trim().split("\\s+")) {
            var parts = reference.split(",");
            if (parts.length >= 2) {
                incidentId = received.incidentOf(parts[0] + "," + parts[1]).orElse(null);
                if (incidentId != null) {
                    break;
                }
            }
        }
        if (incidentId == null) {
            throw new CapViolation("references", "no incident was created from the referenced alerts: "
                    + alert.getReferences());
        }
        claim(key, incidentId, alert);
        var id = new IncidentId(incidentId);
        try {
            if (alert.getMsgType() == Alert.CapMsgType.CANCEL) {
                var why = alert.getNote() == null || alert.getNote().isBlank() ? "" : ": " + alert.getNote().strip();
                commands.send(new CancelIncidentCommand(id, "Cancelled by " + alert.getSender() + " (CAP "
                        + alert.getIdentifier() + ")" + why), actor);
            } else {
                var facts = CapAlertReader.read(alert);
                commands.send(new ReclassifyIncidentCommand(id, facts.type(), facts.severity(), facts.urgency(),
                        facts.certainty(), "CAP update " + alert.getIdentifier()), actor);
                commands.send(new UpdateIncidentLocationCommand(id, facts.location()), actor);
                commands.send(new AddIncidentNoteCommand(id, "CAP update " + alert.getIdentifier() + " from "
                        + alert.getSender() + ": " + facts.summary()), actor);
            }
        } catch (RuntimeException e) {
            received.release(key);
            throw e;
        }
        return new ImportedAlert(alert.getIdentifier(), alert.getMsgType().value(), incidentId);
    }

    private static void requireActionable(Alert alert) {
        var status = alert.getStatus();
        if (status != Alert.CapStatus.ACTUAL && status != Alert.CapStatus.EXERCISE) {
            throw new CapViolation("status", "Beacon acts on Actual and Exercise alerts only, not " + status.value());
        }
    }

    private void claim(String key, String incidentId, Alert alert) {
        if (!received.claim(key, incidentId, clock.instant())) {
            throw new TransitionRejectedException("alert " + alert.getIdentifier() + " from " + alert.getSender(),
                    "already received", "receive it again");
        }
    }
}
