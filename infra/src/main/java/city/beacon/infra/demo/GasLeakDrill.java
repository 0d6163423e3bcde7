package city.beacon.infra.demo;

import city.beacon.api.common.Actor;
import city.beacon.api.common.Department;
import city.beacon.api.common.Role;
import city.beacon.api.incident.*;
import city.beacon.api.task.*;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The gas-leak drill of DESIGN §1 as a script that looks at the incident as the read model shows it and decides
 * what happens next: a pressure sensor reports a leak; the command center confirms it and draws a 200 m cordon; each
 * department's liaison acknowledges their task after a realistic pause, reports en route and on scene, and completes;
 * fire and rescue deliberately does not acknowledge in time, so its task escalates, and acknowledges after that;
 * once every task has ended the incident is contained, resolved and closed. Without the response saga (no tasks
 * appear) it plays the incident's lifecycle alone.
 * <p>
 * Pure: {@link #next(Instant, IncidentView)} takes the time and the incident and returns the commands now due, so
 * the drill can be tested without waiting. Delays are multiplied by {@code pace} (1 = as written, in seconds).
 */
final class GasLeakDrill {
    static final Actor BEACON = Actor.system("demo-drill");
    static final Department LATE = Department.FIRE;
    static final GeoPoint WHERE = new GeoPoint(31.2354, 121.4795);
    private static final Map<String, Integer> ACKNOWLEDGE_AFTER = Map.of(
            "GAS_UTILITY", 6, "POLICE", 9, "MEDICAL", 11, "TRAFFIC", 14, "ENVIRONMENT", 18);
    private static final Map<String, String> OUTCOMES = Map.of(
            "GAS_UTILITY", "Segment GM-17 isolated; leaking joint replaced; pressure normal",
            "FIRE", "Stood by with two engines; no ignition",
            "POLICE", "200 m cordon held; 320 residents evacuated and back home",
            "TRAFFIC", "Traffic diverted via Fuzhou Road; diversion lifted",
            "MEDICAL", "Ambulance stood by; nobody needed treatment",
            "ENVIRONMENT", "Air quality at the cordon back to normal (methane < 0.1% LEL)");
    /** How long to wait for the response plan's tasks before playing the lifecycle alone. */
    private static final int NO_TASKS_AFTER = 20;
    /** The late department acknowledges anyway if no escalation comes (e.g. no deadlines in this build). */
    private static final int LATE_FALLBACK = 150;
    private static final int GIVE_UP = 20 * 60;

    private final IncidentId incidentId;
    private final Instant startedAt;
    private final double pace;
    private final Map<String, Seen> tasksSeen = new HashMap<>();
    private final Set<String> done = new HashSet<>();
    private Seen incidentSeen;
    private Instant allTasksEndedAt;
    private boolean finished;

    private record Seen(String status, Instant since) {
    }

    GasLeakDrill(IncidentId incidentId, Instant startedAt, double pace) {
        this.incidentId = incidentId;
        this.startedAt = startedAt;
        this.pace = pace;
    }

    /** The sensor's report that opens the drill. */
    static ReportIncidentCommand report(IncidentId id) {
        return new ReportIncidentCommand(id, IncidentType.GAS_LEAK, Severity.SEVERE, Urgency.IMMEDIATE,
                Certainty.OBSERVED, new Location(WHERE, "Nanjing Road East 300, gas main GM-17", null),
                "Pressure sensor PT-0412 on gas main GM-17 reads 40% below normal",
                new IncidentSource(SourceKind.SENSOR, "PT-0412"), true);
    }

    IncidentId incidentId() {
        return incidentId;
    }

    boolean finished() {
        return finished;
    }

    /** The commands due at {@code now}, given the incident as the read model shows it (null: not there yet). */
    List<DrillAction> next(Instant now, IncidentView incident) {
        List<DrillAction> due = new ArrayList<>();
        if (now.isAfter(startedAt.plus(seconds(GIVE_UP)))) {
            finished = true;
        }
        if (incident == null || finished) {
            return due;
        }
        if (incidentSeen == null || !incidentSeen.status().equals(incident.status().name())) {
            incidentSeen = new Seen(incident.status().name(), now);
        }
        switch (incident.status()) {
            case REPORTED -> once(due, "confirm", after(startedAt, 3, now), new ConfirmIncidentCommand(incidentId), BEACON);
            case CONFIRMED, RESPONDING -> respond(now, incident, due);
            case CONTAINED -> once(due, "resolve", after(incidentSeen.since(), 5, now), new ResolveIncidentCommand(incidentId,
                    "Leak repaired, cordon lifted, residents home; drill completed"), BEACON);
            case RESOLVED -> once(due, "close", after(incidentSeen.since(), 5, now), new CloseIncidentCommand(incidentId), BEACON);
            default -> finished = true;   // closed, cancelled or merged: nothing more to play
        }
        return due;
    }

    private void respond(Instant now, IncidentView incident, List<DrillAction> due) {
        once(due, "cordon", after(startedAt, 6, now), new UpdateIncidentLocationCommand(incidentId,
                new Location(WHERE, incident.location().address(), AffectedArea.circle(WHERE, 200))), BEACON);
        once(due, "note", after(startedAt, 8, now), new AddIncidentNoteCommand(incidentId,
                "Drill: gas utility dispatcher confirms the pressure drop by phone; cordon 200 m around GM-17"), BEACON);
        for (IncidentTaskView task : incident.tasks()) {
            var seen = tasksSeen.get(task.taskId());
            if (seen == null || !seen.status().equals(task.status().name())) {
                seen = new Seen(task.status().name(), now);
                tasksSeen.put(task.taskId(), seen);
            }
            actOnTask(now, task, seen.since(), due);
        }
        boolean allEnded = !incident.tasks().isEmpty() && incident.tasks().stream().allMatch(t -> t.status().hasEnded());
        allTasksEndedAt = allEnded ? (allTasksEndedAt == null ? now : allTasksEndedAt) : null;
        if (allEnded) {
            once(due, "contain", after(allTasksEndedAt, 4, now), new ContainIncidentCommand(incidentId), BEACON);
        } else if (incident.tasks().isEmpty() && after(incidentSeen.since(), NO_TASKS_AFTER, now)) {
            once(due, "no-plan", true, new AddIncidentNoteCommand(incidentId,
                    "Drill: no response plan dispatched tasks in this build; playing the incident's lifecycle only"), BEACON);
            once(due, "contain", true, new ContainIncidentCommand(incidentId), BEACON);
        }
    }

    private void actOnTask(Instant now, IncidentTaskView task, Instant since, List<DrillAction> due) {
        var department = new Department(task.department());
        var liaison = new Actor(task.department().toLowerCase(java.util.Locale.ROOT), Role.LIAISON, department);
        var id = new TaskId(task.taskId());
        String key = task.taskId() + ":";
        switch (task.status()) {
            case REQUESTED, ESCALATED -> {
                boolean late = department.equals(LATE);
                boolean dueNow = late
                        ? task.escalationLevel() > 0 && after(since, 6, now) || after(task.requestedAt(), LATE_FALLBACK, now)
                        : after(since, ACKNOWLEDGE_AFTER.getOrDefault(task.department(), 10), now);
                once(due, key + "ack", dueNow, new AcknowledgeTaskCommand(id, liaison), liaison);
            }
            case ACKNOWLEDGED -> once(due, key + "en-route", after(since, 6, now), new ReportTaskProgressCommand(id, liaison,
                    TaskStatus.EN_ROUTE, "Crew on the way"), liaison);
            case EN_ROUTE -> once(due, key + "on-scene", after(since, 8, now), new ReportTaskProgressCommand(id, liaison,
                    TaskStatus.ON_SCENE, "Crew at GM-17"), liaison);
            case ON_SCENE -> once(due, key + "complete", after(since, 10, now), new CompleteTaskCommand(id, liaison,
                    OUTCOMES.getOrDefault(task.department(), "Task done")), liaison);
            default -> { }
        }
    }

    /** Each step is sent once, even while the read model has not caught up with it yet. */
    private void once(List<DrillAction> due, String step, boolean when, Object command, Actor actor) {
        if (when && done.add(step)) {
            due.add(new DrillAction(command, actor));
        }
    }

    private boolean after(Instant since, int delaySeconds, Instant now) {
        return !now.isBefore(since.plus(seconds(delaySeconds)));
    }

    private Duration seconds(int delay) {
        return Duration.ofMillis(Math.round(delay * 1000 * pace));
    }
}
