package city.beacon.command.incident;

import city.beacon.command.Transitions;
import city.beacon.api.common.RuleViolationException;
import city.beacon.api.common.TransitionRejectedException;
import city.beacon.api.incident.*;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import static city.beacon.api.incident.IncidentStatus.*;
import static city.beacon.command.Fields.*;
import static city.beacon.command.incident.IncidentRules.*;
import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/** An incident's lifecycle (DESIGN §2): decide here, change state only in the event-sourcing handlers. */
@Aggregate(snapshotTriggerDefinition = "incidentSnapshotTrigger")
public class Incident {
    private static final Set<IncidentStatus> OPEN = EnumSet.of(REPORTED, CONFIRMED, RESPONDING, CONTAINED);

    @AggregateIdentifier
    private IncidentId incidentId;
    private IncidentNumber number;
    private IncidentStatus status;
    private IncidentType type;
    private Severity severity;
    private Urgency urgency;
    private Certainty certainty;
    private boolean readyToContain;
    /** Identifiers of the public warnings issued, oldest first. */
    private List<String> warnings = new ArrayList<>();
    private boolean warningCancelled;

    protected Incident() {
    }

    /** Called by {@link ReportIncidentHandler}; draws a number only once the report is known to be valid. */
    Incident(ReportIncidentCommand cmd, IncidentNumbers numbers, Instant now) {
        var summary = requireText(cmd.summary(), "summary", SUMMARY_MAX);
        var urgency = cmd.urgency() == null ? Urgency.UNKNOWN : cmd.urgency();
        var certainty = cmd.certainty() == null ? Certainty.UNKNOWN : cmd.certainty();
        var type = require(cmd.type(), "type");
        var severity = require(cmd.severity(), "severity");
        var location = checked(cmd.location());
        var source = require(cmd.source(), "source");
        apply(new IncidentReportedEvent(cmd.incidentId(), numbers.next(now), type, severity, urgency, certainty,
                location, summary, source, cmd.drill(), now));
    }

    /** The address goes out in CAP alerts as it is: it must be text XML can carry. */
    private static Location checked(Location location) {
        require(location, "location");
        requireXmlCharacters(location.address(), "location.address");
        return location;
    }

    @CommandHandler
    void handle(ConfirmIncidentCommand cmd, Clock clock) {
        if (status == CONFIRMED) {
            return;   // two operators confirming the same report is one confirmation
        }
        requireStatus("confirm", REPORTED);
        apply(new IncidentConfirmedEvent(incidentId, clock.instant()));
    }

    @CommandHandler
    void handle(ReclassifyIncidentCommand cmd, Clock clock) {
        requireStatus("reclassify", OPEN);
        var newType = cmd.type() == null ? type : cmd.type();
        var newSeverity = cmd.severity() == null ? severity : cmd.severity();
        var newUrgency = cmd.urgency() == null ? urgency : cmd.urgency();
        var newCertainty = cmd.certainty() == null ? certainty : cmd.certainty();
        if (newType == type && newSeverity == severity && newUrgency == urgency && newCertainty == certainty) {
            return;
        }
        apply(new IncidentReclassifiedEvent(incidentId, newType, newSeverity, newUrgency, newCertainty, severity,
                optionalText(cmd.reason(), "reason", REASON_MAX), clock.instant()));
    }

    @CommandHandler
    void handle(UpdateIncidentLocationCommand cmd, Clock clock) {
        requireStatus("update the location of", OPEN);
        apply(new IncidentLocationUpdatedEvent(incidentId, checked(cmd.location()), clock.instant()));
    }

    @CommandHandler
    void handle(AddIncidentNoteCommand cmd, Clock clock) {
        requireStatus("add a note to", REPORTED, CONFIRMED, RESPONDING, CONTAINED, RESOLVED);
        apply(new IncidentNoteAddedEvent(incidentId, requireText(cmd.text(), "text", NOTE_MAX), clock.instant()));
    }

    @CommandHandler
    void handle(MarkIncidentRespondingCommand cmd, Clock clock) {
        if (status == RESPONDING) {
            return;   // every department's first acknowledgment asks for this; only the first one counts
        }
        requireStatus("start responding to", REPORTED, CONFIRMED);
        apply(new IncidentResponseStartedEvent(incidentId, clock.instant()));
    }

    @CommandHandler
    void handle(DeclareIncidentReadyToContainCommand cmd, Clock clock) {
        if (readyToContain) {
            return;   // a task completed again after a retry: the incident was already declared ready
        }
        requireStatus("declare ready to contain", RESPONDING);
        apply(new IncidentReadyToContainEvent(incidentId, clock.instant()));
    }

    @CommandHandler
    void handle(ContainIncidentCommand cmd, Clock clock) {
        requireStatus("contain", CONFIRMED, RESPONDING);
        apply(new IncidentContainedEvent(incidentId, clock.instant()));
    }

    @CommandHandler
    void handle(ResolveIncidentCommand cmd, Clock clock) {
        requireStatus("resolve", CONTAINED);
        apply(new IncidentResolvedEvent(incidentId, optionalText(cmd.resolution(), "resolution", NOTE_MAX),
                clock.instant()));
    }

    @CommandHandler
    void handle(CloseIncidentCommand cmd, Clock clock) {
        requireStatus("close", RESOLVED);
        apply(new IncidentClosedEvent(incidentId, clock.instant()));
    }

    @CommandHandler
    void handle(CancelIncidentCommand cmd, Clock clock) {
        requireStatus("cancel", REPORTED, CONFIRMED);
        apply(new IncidentCancelledEvent(incidentId, requireText(cmd.reason(), "reason", REASON_MAX),
                clock.instant()));
    }

    @CommandHandler
    void handle(MergeIncidentCommand cmd, Clock clock) {
        requireStatus("merge", REPORTED, CONFIRMED, RESPONDING);
        var into = require(cmd.into(), "into");
        if (into.equals(incidentId)) {
            throw new RuleViolationException("into", "an incident cannot be merged into itself");
        }
        apply(new IncidentMergedEvent(incidentId, into, clock.instant()));
    }

    @CommandHandler
    String handle(IssuePublicWarningCommand cmd, Clock clock) {
        var prefix = requireText(cmd.identifierPrefix(), "identifierPrefix", 100);
        AlertKind kind;
        if (status == CANCELLED || status == CLOSED) {
            if (warnings.isEmpty() || warningCancelled) {
                throw new TransitionRejectedException("incident " + number, status.name(),
                        warnings.isEmpty() ? "warn the public about it" : "cancel its warning again");
            }
            kind = AlertKind.CANCEL;
        } else {
            requireStatus("warn the public about it", OPEN);
            kind = warnings.isEmpty() ? AlertKind.ALERT : AlertKind.UPDATE;
        }
        var identifier = prefix + "." + number + ".W" + (warnings.size() + 1);
        apply(new PublicWarningIssuedEvent(incidentId, identifier, kind, List.copyOf(warnings), clock.instant()));
        return identifier;
    }

    IncidentNumber number() {
        return number;
    }

    private void requireStatus(String action, IncidentStatus... allowed) {
        requireStatus(action, EnumSet.of(allowed[0], allowed));
    }

    private void requireStatus(String action, Set<IncidentStatus> allowed) {
        Transitions.require("incident " + number, status, allowed, action + " it");
    }

    @EventSourcingHandler
    void on(IncidentReportedEvent e) {
        incidentId = e.incidentId();
        number = e.number();
        status = REPORTED;
        type = e.type();
        severity = e.severity();
        urgency = e.urgency();
        certainty = e.certainty();
    }

    @EventSourcingHandler
    void on(PublicWarningIssuedEvent e) {
        warnings.add(e.alertIdentifier());
        warningCancelled = e.kind() == AlertKind.CANCEL;
    }

    @EventSourcingHandler
    void on(IncidentConfirmedEvent e) {
        status = CONFIRMED;
    }

    @EventSourcingHandler
    void on(IncidentReclassifiedEvent e) {
        type = e.type();
        severity = e.severity();
        urgency = e.urgency();
        certainty = e.certainty();
    }

    @EventSourcingHandler
    void on(IncidentResponseStartedEvent e) {
        status = RESPONDING;
    }

    @EventSourcingHandler
    void on(IncidentReadyToContainEvent e) {
        readyToContain = true;
    }

    @EventSourcingHandler
    void on(IncidentContainedEvent e) {
        status = CONTAINED;
    }

    @EventSourcingHandler
    void on(IncidentResolvedEvent e) {
        status = RESOLVED;
    }

    @EventSourcingHandler
    void on(IncidentClosedEvent e) {
        status = CLOSED;
    }

    @EventSourcingHandler
    void on(IncidentCancelledEvent e) {
        status = CANCELLED;
    }

    @EventSourcingHandler
    void on(IncidentMergedEvent e) {
        status = MERGED;
    }
}
