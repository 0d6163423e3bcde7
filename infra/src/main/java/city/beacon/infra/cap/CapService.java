package city.beacon.infra.cap;

import city.beacon.api.common.Actor;
import city.beacon.api.common.NotPermittedException;
import city.beacon.api.common.Role;
import city.beacon.api.common.RuleViolationException;
import city.beacon.api.common.TransitionRejectedException;
import city.beacon.api.incident.*;
import city.beacon.infra.cap.ReceivedAlerts.Received;
import city.beacon.infra.cap.xml.Alert;
import city.beacon.web.cap.CapAlerts;
import city.beacon.web.cap.CapProperties;
import city.beacon.web.messaging.Commands;
import city.beacon.web.messaging.Queries;
import city.beacon.web.problem.UnknownResourceException;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.modelling.command.ConcurrencyException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;

import static city.beacon.web.cap.CapAlerts.Outcome.*;

/**
 * CAP out: renders an incident's public warning, validated against the schema. CAP in: an Alert from a trusted
 * agency reports an incident (source EXTERNAL_ALERT, reference = the alert's identifier); an Update reclassifies,
 * relocates and annotates the incident its reference created; a Cancel cancels it. Only the sender of the
 * referenced alert (or a sender an admin linked to it) may update or cancel, and exercises and real alerts never
 * touch each other's incidents. Every received alert is recorded against its incident, which is how references
 * find it and how a second copy is recognised and changes nothing.
 */
class CapService implements CapAlerts {
    /** Longer than any command may take (Commands waits 15 s): an untaken claim this old died with its node. */
    static final Duration ABANDONED_AFTER = Duration.ofSeconds(60);
    private static final Logger log = LoggerFactory.getLogger(CapService.class);
    private final CapCodec codec;
    private final CapAlertWriter writer;
    private final CapAlertReader reader;
    private final ReceivedAlerts received;
    private final Commands commands;
    private final Queries queries;
    private final CapProperties properties;
    private final Clock clock;

    CapService(CapCodec codec, CapAlertReader reader, ReceivedAlerts received, Commands commands, Queries queries,
               CapProperties properties, ZoneId zone, Clock clock) {
        this.codec = codec;
        this.writer = new CapAlertWriter(properties.sender(), properties.identifierPrefix(), zone);
        this.reader = reader;
        this.received = received;
        this.commands = commands;
        this.queries = queries;
        this.properties = properties;
        this.clock = clock;
    }

    @Override
    public String export(String incidentId) {
        var incident = incident(incidentId)
                .orElseThrow(() -> new UnknownResourceException("No incident " + incidentId));
        var warnings = queries.ask(new FindPublicWarningsQuery(new IncidentId(incidentId)),
                ResponseTypes.multipleInstancesOf(PublicWarningView.class));
        return codec.write(writer.write(incident, warnings, clock.instant()));
    }

    @Override
    public ImportedAlert receive(byte[] xml, String agency) {
        try {
            return take(codec.read(xml), agency);
        } catch (CapViolation e) {
            throw new RuleViolationException(e.field() == null ? "alert" : e.field(), e.getMessage());
        }
    }

    private ImportedAlert take(Alert alert, String agency) {
        requireCapToken(alert.getIdentifier(), "identifier");
        requireCapToken(alert.getSender(), "sender");
        var trusted = properties.trustedSenders().get(agency);
        if (trusted != null && trusted.sender() != null && !trusted.sender().equals(alert.getSender())) {
            throw new NotPermittedException("this key may send alerts as " + trusted.sender() + " only, not as "
                    + alert.getSender());
        }
        if (properties.sender().equals(alert.getSender())) {
            return own(alert);
        }
        var key = ReceivedAlerts.key(alert.getSender(), alert.getIdentifier());
        var earlier = received.claim(key);
        Received resumed = null;
        if (earlier.isPresent()) {
            var now = clock.instant();
            var retaken = received.retake(earlier.get(), now.minus(ABANDONED_AFTER), now);
            if (retaken.isEmpty()) {
                return outcome(alert, earlier.get().alert().incidentId(), ALREADY_RECEIVED);
            }
            resumed = retaken.get().alert();
            log.warn("CAP alert {} was claimed at {} but never taken whole (its node stopped?): taking it again",
                    key, earlier.get().claimedAt());
        }
        requireActionable(alert);
        var actor = new Actor("cap:" + agency, Role.SYSTEM, null);
        try {
            return switch (alert.getMsgType()) {
                case ALERT -> report(alert, key, agency, actor, List.of(), resumed);
                case UPDATE, CANCEL -> change(alert, key, agency, actor, resumed);
                case ACK, ERROR -> throw new CapViolation("msgType", "Beacon does not act on "
                        + alert.getMsgType().value() + " messages");
            };
        } catch (AlreadyReceived copyInFlight) {
            return outcome(alert, received.find(key).map(Received::incidentId).orElse(null), ALREADY_RECEIVED);
        }
    }

    /**
     * CAP 1.2 (3.2.1): identifier and sender "MUST NOT include spaces, commas or restricted characters (< and &)";
     * other alerts name them in space- and comma-separated {@code <references>}, and they are shown and exported.
     */
    private static void requireCapToken(String value, String field) {
        if (value == null || value.isBlank()) {
            throw new CapViolation(field, field + " is required");
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isWhitespace(c) || c == ',' || c == '<' || c == '&') {
                throw new CapViolation(field, field + " must not contain spaces, commas, < or & (CAP 1.2 3.2.1)");
            }
        }
    }

    /** Beacon's own export coming back (re-imported, or relayed by a feed): the incident it describes, unchanged. */
    private ImportedAlert own(Alert alert) {
        var incidentId = alert.getIncidents() == null ? null : alert.getIncidents().trim().split("\\s+")[0];
        var known = incidentId != null && !incidentId.isEmpty() && incident(incidentId).isPresent();
        return outcome(alert, known ? incidentId : null, OWN_ALERT);
    }

    /** @param resumed the claim of an earlier try that died before its commands were all accepted, or null */
    private ImportedAlert report(Alert alert, String key, String agency, Actor actor,
                                 List<String> unknownReferences, Received resumed) {
        var facts = reader.read(alert);
        var incidentId = resumed != null && resumed.incidentId() != null ? new IncidentId(resumed.incidentId())
                : IncidentId.random();
        if (resumed == null) {
            claim(new Received(key, alert.getSender(), incidentId.value(), facts.drill(), agency));
        }
        try {
            var report = new ReportIncidentCommand(incidentId, facts.type(), facts.severity(), facts.urgency(),
                    facts.certainty(), facts.location(), facts.summary(), facts.source(alert.getIdentifier()),
                    facts.drill());
            if (resumed == null) {
                commands.send(report, actor);
            } else {
                sendUnlessDone(report, actor);
            }
            if (!unknownReferences.isEmpty()) {
                commands.send(new AddIncidentNoteCommand(incidentId, "Opened from CAP " + alert.getMsgType().value()
                        + " " + alert.getIdentifier() + " of alerts Beacon never received: "
                        + String.join(" ", unknownReferences)), actor);
            }
        } catch (RuntimeException e) {
            releaseUnlessResumed(key, resumed);
            throw e;
        }
        received.markTaken(key);
        return outcome(alert, incidentId.value(),
                unknownReferences.isEmpty() ? CREATED : CREATED_FROM_UNKNOWN_REFERENCES);
    }

    private ImportedAlert change(Alert alert, String key, String agency, Actor actor, Received resumed) {
        if (alert.getReferences() == null || alert.getReferences().isBlank()) {
            throw new CapViolation("references", "an " + alert.getMsgType().value() + " must reference earlier alerts");
        }
        boolean drill = alert.getStatus() == Alert.CapStatus.EXERCISE;
        var references = List.of(alert.getReferences().trim().split("\\s+"));
        Received target = null;
        for (var reference : references) {
            var parts = reference.split(",");
            if (parts.length < 2) {
                throw new CapViolation("references", "expected sender,identifier,sent but got " + reference);
            }
            var referenced = received.find(ReceivedAlerts.key(parts[0], parts[1]));
            if (referenced.isEmpty() || referenced.get().incidentId() == null) {
                continue;
            }
            requireMayChange(alert, agency, referenced.get(), drill);
            if (target == null) {
                target = referenced.get();
            }
        }
        if (target == null) {
            if (alert.getMsgType() == Alert.CapMsgType.CANCEL) {
                if (resumed == null) {
                    claim(new Received(key, alert.getSender(), null, drill, agency));
                }
                received.markTaken(key);
                return outcome(alert, null, NOTHING_TO_CANCEL);
            }
            return report(alert, key, agency, actor, references, resumed);
        }
        var id = new IncidentId(target.incidentId());
        var facts = alert.getMsgType() == Alert.CapMsgType.CANCEL ? null : reader.read(alert);
        if (resumed == null) {
            claim(new Received(key, alert.getSender(), id.value(), drill, agency));
        }
        try {
            if (facts == null) {
                var why = alert.getNote() == null || alert.getNote().isBlank() ? "" : ": " + alert.getNote().strip();
                var cancel = new CancelIncidentCommand(id, "Cancelled by " + alert.getSender() + " (CAP "
                        + alert.getIdentifier() + ")" + why);
                if (resumed == null) {
                    commands.send(cancel, actor);
                } else {
                    sendUnlessDone(cancel, actor);
                }
            } else {
                commands.send(new ReclassifyIncidentCommand(id, facts.type(), facts.severity(), facts.urgency(),
                        facts.certainty(), "CAP update " + alert.getIdentifier()), actor);
                if (facts.location().basis() != LocationBasis.AREA_CODE_UNRESOLVED) {
                    // an update naming only unknown area codes says nothing better than where the incident is
                    commands.send(new UpdateIncidentLocationCommand(id, facts.location()), actor);
                }
                commands.send(new AddIncidentNoteCommand(id, "CAP update " + alert.getIdentifier() + " from "
                        + alert.getSender() + ": " + facts.summary()), actor);
            }
        } catch (RuntimeException e) {
            releaseUnlessResumed(key, resumed);
            throw e;
        }
        received.markTaken(key);
        return outcome(alert, id.value(), facts == null ? CANCELLED : UPDATED);
    }

    /**
     * A command of a retaken alert that its first try may have had accepted before its node stopped: an incident
     * reported already answers a conflict, one cancelled already refuses the cancel; both mean it was done.
     */
    private void sendUnlessDone(Object command, Actor actor) {
        try {
            commands.send(command, actor);
        } catch (ConcurrencyException | TransitionRejectedException done) {
            log.info("{} of a retaken CAP alert was accepted before: {}", command.getClass().getSimpleName(),
                    done.getMessage());
        }
    }

    /** A fresh claim is released so a resend starts over; a retaken one keeps the incident id it promised. */
    private void releaseUnlessResumed(String key, Received resumed) {
        if (resumed == null) {
            received.release(key);
        }
    }

    /** Refused before anything changes: another agency's alert, or an exercise meeting reality. */
    private void requireMayChange(Alert alert, String agency, Received referenced, boolean drill) {
        if (!properties.mayChange(alert.getSender(), referenced.sender())) {
            throw new NotPermittedException(alert.getSender() + " may not " + verb(alert) + " alerts of "
                    + referenced.sender() + " (only its own, or those of senders an admin linked to it)");
        }
        var trusted = properties.trustedSenders().get(agency);
        boolean senderProven = trusted != null && trusted.sender() != null;
        if (!senderProven && referenced.agency() != null && !referenced.agency().equals(agency)) {
            // a key not bound to a sender proves no sender: it may change only what it delivered itself
            throw new NotPermittedException("this key is not bound to " + alert.getSender() + " and may not "
                    + verb(alert) + " an alert another agency delivered");
        }
        if (referenced.drill() != drill) {
            throw new NotPermittedException((drill ? "an Exercise alert may not " + verb(alert) + " a real incident"
                    : "an Actual alert may not " + verb(alert) + " a drill incident"));
        }
    }

    private static String verb(Alert alert) {
        return alert.getMsgType() == Alert.CapMsgType.CANCEL ? "cancel" : "update";
    }

    private static void requireActionable(Alert alert) {
        var status = alert.getStatus();
        if (status != Alert.CapStatus.ACTUAL && status != Alert.CapStatus.EXERCISE) {
            throw new CapViolation("status", "Beacon acts on Actual and Exercise alerts only, not " + status.value());
        }
    }

    /** A copy that arrives while the first is being taken finds the key taken: it is the same alert. */
    private void claim(Received alert) {
        if (!received.claim(alert, clock.instant())) {
            throw new AlreadyReceived();
        }
    }

    private java.util.Optional<IncidentView> incident(String id) {
        return queries.ask(new FindIncidentQuery(new IncidentId(id)),
                ResponseTypes.optionalInstanceOf(IncidentView.class));
    }

    private static ImportedAlert outcome(Alert alert, String incidentId, Outcome outcome) {
        return new ImportedAlert(alert.getIdentifier(), alert.getMsgType().value(), incidentId, outcome);
    }

    private static final class AlreadyReceived extends RuntimeException {
    }
}
