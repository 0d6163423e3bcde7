package city.beacon.query.incident;

import city.beacon.api.incident.*;
import city.beacon.api.sensor.SensorAlarmLinkedEvent;
import city.beacon.api.task.*;
import city.beacon.api.unit.UnitAssignedEvent;
import city.beacon.api.unit.UnitId;
import city.beacon.api.unit.UnitReleasedEvent;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** The English line an auditor reads for each event; the console translates by the line's kind. */
final class TimelineText {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC);

    private TimelineText() { }

    static String of(Object event) {
        if (event instanceof IncidentReportedEvent e) {
            return "Reported " + e.type() + " (" + e.severity() + ")" + (e.drill() ? " [DRILL]" : "")
                    + where(e.location()) + ": " + e.summary();
        } else if (event instanceof IncidentConfirmedEvent) {
            return "Confirmed";
        } else if (event instanceof IncidentReclassifiedEvent e) {
            return "Reclassified as " + e.type() + ", severity " + e.previousSeverity() + " → " + e.severity()
                    + ", urgency " + e.urgency() + ", certainty " + e.certainty() + reason(e.reason());
        } else if (event instanceof IncidentLocationUpdatedEvent e) {
            return "Location updated" + where(e.location());
        } else if (event instanceof IncidentNoteAddedEvent e) {
            return "Note: " + e.text();
        } else if (event instanceof IncidentResponseStartedEvent) {
            return "Response started";
        } else if (event instanceof IncidentReadyToContainEvent) {
            return "Every department has completed its task: ready to be contained";
        } else if (event instanceof IncidentContainedEvent) {
            return "Contained";
        } else if (event instanceof IncidentResolvedEvent e) {
            return "Resolved" + (e.resolution() == null ? "" : ": " + e.resolution());
        } else if (event instanceof IncidentClosedEvent) {
            return "Closed";
        } else if (event instanceof IncidentCancelledEvent e) {
            return "Cancelled: " + e.reason();
        } else if (event instanceof IncidentMergedEvent e) {
            return "Merged into incident " + e.into();
        } else if (event instanceof TaskRequestedEvent e) {
            return "Task for " + e.department() + " (" + e.priority() + "): " + e.action()
                    + " — acknowledge by " + TIME.format(e.acknowledgeBy());
        } else if (event instanceof TaskAcknowledgedEvent e) {
            return e.department() + " acknowledged";
        } else if (event instanceof TaskDeclinedEvent e) {
            return e.department() + " declined: " + e.reason();
        } else if (event instanceof TaskProgressReportedEvent e) {
            return e.department() + (e.status() == TaskStatus.ON_SCENE ? " on scene" : " en route")
                    + (e.note() == null ? "" : ": " + e.note());
        } else if (event instanceof TaskCompletedEvent e) {
            return e.department() + " completed: " + e.outcome();
        } else if (event instanceof TaskCancelledEvent e) {
            return e.department() + " task cancelled" + reason(e.reason());
        } else if (event instanceof TaskEscalatedEvent e) {
            return e.department() + " missed the acknowledgment deadline; escalated to level " + e.level() + " ("
                    + e.step() + ")";
        } else if (event instanceof TaskNotificationDeliveredEvent e) {
            return e.department() + " system notified (" + e.notice() + ", " + e.attempts()
                    + (e.attempts() == 1 ? " try)" : " tries)");
        } else if (event instanceof TaskNotificationFailedEvent e) {
            return e.department() + " system could not be notified (" + e.notice() + ", " + e.attempts()
                    + " tries): " + e.reason();
        } else if (event instanceof UnitAssignedEvent e) {
            return e.department() + " unit " + unit(e.unitId(), e.unitName()) + " assigned";
        } else if (event instanceof UnitReleasedEvent e) {
            return e.department() + " unit " + unit(e.unitId(), e.unitName()) + " released";
        } else if (event instanceof PublicWarningIssuedEvent e) {
            return "Public warning issued (CAP " + e.kind() + " " + e.alertIdentifier() + ")";
        } else if (event instanceof SensorAlarmLinkedEvent e) {
            return "Alarm of sensor " + e.sensorId() + " linked to this incident";
        }
        return event.getClass().getSimpleName();
    }

    private static String where(Location location) {
        if (location.address() != null) {
            return " at " + location.address();
        }
        return " at " + location.point().lat() + ", " + location.point().lon();
    }

    private static String unit(UnitId id, String name) {
        return name == null ? id.value() : id.value() + " " + name;
    }

    private static String reason(String reason) {
        return reason == null || reason.isBlank() ? "" : " (" + reason + ")";
    }
}
