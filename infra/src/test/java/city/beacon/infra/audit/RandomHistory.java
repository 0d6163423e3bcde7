package city.beacon.infra.audit;

import city.beacon.api.common.Actor;
import city.beacon.api.common.Department;
import city.beacon.api.common.Role;
import city.beacon.api.incident.*;
import city.beacon.api.task.*;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

/**
 * Random valid histories over several incidents, on a clock the test controls: reports (some drills),
 * confirmations, tasks with acknowledgments, declines, escalations and completions, containment, resolution,
 * closure, cancellations, merges and notes. Each event is its own commit, with an actor and correlation ids in its
 * metadata, dated by the controlled clock (which sometimes does not move between two events).
 */
public final class RandomHistory {
    private static final List<Department> DEPARTMENTS = List.of(Department.FIRE, Department.POLICE,
            Department.GAS_UTILITY, Department.MEDICAL);
    private final Random random;
    private Instant now;
    private final List<DomainEventMessage<?>> events = new ArrayList<>();
    private final Map<String, IncidentState> incidents = new HashMap<>();
    /** The incidents not ended, kept as they change so a step does not look at every incident ever reported. */
    private final List<IncidentState> openIncidents = new ArrayList<>();
    private int numbers;

    private static final class IncidentState {
        final String id;
        IncidentStatus status = IncidentStatus.REPORTED;
        long seq;
        final List<TaskState> tasks = new ArrayList<>();

        IncidentState(String id) {
            this.id = id;
        }
    }

    private static final class TaskState {
        final String id;
        final Department department;
        TaskStatus status = TaskStatus.REQUESTED;
        long seq;
        int level;

        TaskState(String id, Department department) {
            this.id = id;
            this.department = department;
        }
    }

    private final int maxOpen;

    RandomHistory(long seed, Instant start) {
        this(seed, start, 4);
    }

    /** @param maxOpen how many incidents may be open at once (more means more incidents per event) */
    public RandomHistory(long seed, Instant start, int maxOpen) {
        this.random = new Random(seed);
        this.now = start;
        this.maxOpen = maxOpen;
    }

    public int incidentCount() {
        return incidents.size();
    }

    public List<DomainEventMessage<?>> generate(int count) {
        while (events.size() < count) {
            if (random.nextInt(5) > 0) {
                now = now.plusMillis(1 + random.nextInt(90_000));
            }
            step();
        }
        return events;
    }

    private void step() {
        openIncidents.removeIf(i -> i.status.hasEnded());
        List<IncidentState> open = openIncidents;
        if (open.isEmpty() || open.size() < maxOpen && random.nextInt(4) == 0) {
            report();
            return;
        }
        IncidentState incident = open.get(random.nextInt(open.size()));
        IncidentId id = new IncidentId(incident.id);
        switch (incident.status) {
            case REPORTED -> {
                int r = random.nextInt(10);
                if (r < 6) {
                    incidentEvent(incident, new IncidentConfirmedEvent(id, now), IncidentStatus.CONFIRMED, operator());
                } else if (r < 8) {
                    incidentEvent(incident, new IncidentNoteAddedEvent(id, "note " + events.size(), now), null, operator());
                } else if (r < 9 || open.size() < 2) {
                    incidentEvent(incident, new IncidentCancelledEvent(id, "false alarm", now), IncidentStatus.CANCELLED,
                            operator());
                } else {
                    merge(incident, open);
                }
            }
            case CONFIRMED -> {
                int r = random.nextInt(10);
                if (r < 4) {
                    requestTask(incident);
                } else if (r < 8) {
                    incidentEvent(incident, new IncidentResponseStartedEvent(id, now), IncidentStatus.RESPONDING,
                            operator());
                } else if (r < 9 || open.size() < 2) {
                    incidentEvent(incident, new IncidentCancelledEvent(id, "duplicate call", now),
                            IncidentStatus.CANCELLED, operator());
                } else {
                    merge(incident, open);
                }
            }
            case RESPONDING -> {
                List<TaskState> pending = incident.tasks.stream().filter(t -> !t.status.hasEnded()).toList();
                if (!pending.isEmpty() && random.nextInt(4) > 0) {
                    moveTask(incident, pending.get(random.nextInt(pending.size())));
                } else if (random.nextInt(3) == 0) {
                    requestTask(incident);
                } else {
                    incidentEvent(incident, new IncidentContainedEvent(id, now), IncidentStatus.CONTAINED, operator());
                }
            }
            case CONTAINED -> incidentEvent(incident, new IncidentResolvedEvent(id, "made safe", now),
                    IncidentStatus.RESOLVED, operator());
            case RESOLVED -> incidentEvent(incident, new IncidentClosedEvent(id, now), IncidentStatus.CLOSED, operator());
            default -> { }
        }
    }

    private void report() {
        String id = UUID.randomUUID().toString();
        var incident = new IncidentState(id);
        incidents.put(id, incident);
        openIncidents.add(incident);
        var number = new IncidentNumber("20300101-" + String.format("%04d", ++numbers));
        var location = new Location(new GeoPoint(31.2 + random.nextDouble() / 10, 121.4 + random.nextDouble() / 10),
                "Street " + numbers, null);
        var type = IncidentType.values()[random.nextInt(IncidentType.values().length)];
        var severity = Severity.values()[random.nextInt(Severity.values().length)];
        var event = new IncidentReportedEvent(new IncidentId(id), number, type, severity, Urgency.IMMEDIATE,
                Certainty.LIKELY, location, "incident " + numbers, IncidentSource.operator("operator"),
                random.nextInt(4) == 0, now);
        incident.seq = -1;
        incidentEvent(incident, event, null, operator());
    }

    private void merge(IncidentState incident, List<IncidentState> open) {
        IncidentState into = open.stream().filter(o -> o != incident).findFirst().orElseThrow();
        incidentEvent(incident, new IncidentMergedEvent(new IncidentId(incident.id), new IncidentId(into.id), now),
                IncidentStatus.MERGED, operator());
    }

    private void requestTask(IncidentState incident) {
        var department = DEPARTMENTS.get(random.nextInt(DEPARTMENTS.size()));
        var task = new TaskState(UUID.randomUUID().toString(), department);
        incident.tasks.add(task);
        task.seq = -1;
        var deadline = now.plus(Duration.ofMinutes(1 + random.nextInt(10)));
        taskEvent(task, new TaskRequestedEvent(new TaskId(task.id), new IncidentId(incident.id), department,
                "act " + events.size(), Priority.HIGH, deadline, now), null, Actor.system("response"));
    }

    private void moveTask(IncidentState incident, TaskState task) {
        var taskId = new TaskId(task.id);
        var incidentId = new IncidentId(incident.id);
        var liaison = new Actor(task.department.code().toLowerCase(), Role.LIAISON, task.department);
        int r = random.nextInt(10);
        switch (task.status) {
            case REQUESTED, ESCALATED -> {
                if (r < 5) {
                    taskEvent(task, new TaskAcknowledgedEvent(taskId, incidentId, task.department, liaison.userId(), now),
                            TaskStatus.ACKNOWLEDGED, liaison);
                } else if (r < 7) {
                    taskEvent(task, new TaskDeclinedEvent(taskId, incidentId, task.department, liaison.userId(),
                            "no crew", now), TaskStatus.DECLINED, liaison);
                } else {
                    task.level++;
                    taskEvent(task, new TaskEscalatedEvent(taskId, incidentId, task.department, task.level,
                            EscalationStep.RENOTIFY, now.plus(Duration.ofMinutes(5)), now), TaskStatus.ESCALATED,
                            Actor.system("escalation"));
                }
            }
            case ACKNOWLEDGED -> taskEvent(task, new TaskCompletedEvent(taskId, incidentId, task.department, "done",
                    liaison.userId(), now), TaskStatus.COMPLETED, liaison);
            default -> { }
        }
    }

    private void incidentEvent(IncidentState incident, Object payload, IncidentStatus next, Actor actor) {
        incident.seq++;
        add("Incident", incident.id, incident.seq, payload, actor);
        if (next != null) {
            incident.status = next;
        }
    }

    private void taskEvent(TaskState task, Object payload, TaskStatus next, Actor actor) {
        task.seq++;
        add("Task", task.id, task.seq, payload, actor);
        if (next != null) {
            task.status = next;
        }
    }

    private void add(String type, String aggregateId, long seq, Object payload, Actor actor) {
        Map<String, Object> metaData = new HashMap<>(actor.toMetaData());
        String cause = UUID.randomUUID().toString();
        metaData.put("causationId", cause);
        metaData.put("correlationId", events.isEmpty() ? cause : events.get(random.nextInt(events.size())).getIdentifier());
        events.add(new GenericDomainEventMessage<>(type, aggregateId, seq, payload, metaData,
                UUID.randomUUID().toString(), now));
    }

    private static Actor operator() {
        return new Actor("operator", Role.OPERATOR, null);
    }
}
