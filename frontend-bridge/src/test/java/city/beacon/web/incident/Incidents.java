package city.beacon.web.incident;

import city.beacon.api.incident.Certainty;
import city.beacon.api.incident.GeoPoint;
import city.beacon.api.incident.IncidentSource;
import city.beacon.api.incident.IncidentStatus;
import city.beacon.api.incident.IncidentTaskView;
import city.beacon.api.incident.IncidentType;
import city.beacon.api.incident.IncidentView;
import city.beacon.api.incident.Location;
import city.beacon.api.incident.Severity;
import city.beacon.api.incident.SourceKind;
import city.beacon.api.incident.TimelineEntry;
import city.beacon.api.incident.Urgency;
import city.beacon.api.task.Priority;
import city.beacon.api.task.TaskStatus;

import java.time.Instant;
import java.util.List;

/** An incident as the read side would answer it, with everything a liaison must not see. */
final class Incidents {
    static final Instant T0 = Instant.parse("2026-11-28T08:00:00Z");
    static final String REPORTER = "desk-9";
    static final String CALLER = "caller-138-0000-1111";
    static final String NOTE = "Note: the shop owner on 138-0000-1111 keeps calling";

    private Incidents() { }

    static List<TimelineEntry> timeline() {
        return List.of(
                new TimelineEntry("e1", T0, REPORTER, "OPERATOR", "IncidentReported", "Reported GAS_LEAK: smell"),
                new TimelineEntry("e2", T0, REPORTER, "OPERATOR", "IncidentNoteAdded", NOTE),
                new TimelineEntry("e3", T0, "fire-1", "LIAISON", "TaskAcknowledged", "FIRE acknowledged"),
                new TimelineEntry("e4", T0, "beacon:alarms", "SYSTEM", "SensorAlarmLinked",
                        "Alarm of " + CALLER + " linked"));
    }

    static IncidentView withStatus(IncidentStatus status) {
        var task = new IncidentTaskView("t1", "FIRE", "stand by", Priority.HIGH, TaskStatus.ACKNOWLEDGED, 0, T0, T0,
                T0, REPORTER, null, null, 1);
        return new IncidentView("inc-2", "20261128-0002", IncidentType.GAS_LEAK, Severity.SEVERE, Urgency.IMMEDIATE,
                Certainty.OBSERVED, status, new Location(new GeoPoint(31.2, 121.4), "Road 1", null), "smell",
                new IncidentSource(SourceKind.CALL, CALLER), false, REPORTER, T0, T0, null, null, null, false,
                List.of(task), timeline(), 4);
    }
}
