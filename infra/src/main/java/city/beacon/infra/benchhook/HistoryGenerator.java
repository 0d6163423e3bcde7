package city.beacon.infra.benchhook;

import city.beacon.api.common.Actor;
import city.beacon.api.common.Department;
import city.beacon.api.common.Role;
import city.beacon.api.incident.Certainty;
import city.beacon.api.incident.IncidentClosedEvent;
import city.beacon.api.incident.IncidentConfirmedEvent;
import city.beacon.api.incident.IncidentContainedEvent;
import city.beacon.api.incident.IncidentId;
import city.beacon.api.incident.IncidentNoteAddedEvent;
import city.beacon.api.incident.IncidentNumber;
import city.beacon.api.incident.IncidentReadyToContainEvent;
import city.beacon.api.incident.IncidentReportedEvent;
import city.beacon.api.incident.IncidentResolvedEvent;
import city.beacon.api.incident.IncidentResponseStartedEvent;
import city.beacon.api.incident.IncidentSource;
import city.beacon.api.incident.IncidentType;
import city.beacon.api.incident.Location;
import city.beacon.api.incident.Severity;
import city.beacon.api.incident.Urgency;
import city.beacon.api.task.Priority;
import city.beacon.api.task.TaskAcknowledgedEvent;
import city.beacon.api.task.TaskCompletedEvent;
import city.beacon.api.task.TaskId;
import city.beacon.api.task.TaskProgressReportedEvent;
import city.beacon.api.task.TaskRequestedEvent;
import city.beacon.api.task.TaskStatus;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.MetaData;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Writes a realistic history straight into the event store, as if operators and liaisons had worked through it: each
 * incident is reported, confirmed, tasked to departments that acknowledge, arrive and complete, annotated, contained,
 * resolved and closed (one in {@code openEvery} stays open). About 8 + 4 × tasks + notes events per incident.
 * Numbers are on days long past, so they never collide with numbers claimed today.
 */
final class HistoryGenerator {
    private static final IncidentType[] TYPES = IncidentType.values();
    private static final Severity[] SEVERITIES = {Severity.MINOR, Severity.MODERATE, Severity.SEVERE, Severity.EXTREME};
    private static final LocalDate FIRST_DAY = LocalDate.of(2020, 1, 1);
    private static final int INCIDENTS_PER_DAY = 500;
    private static final Actor OPERATOR = new Actor("operator", Role.OPERATOR, null);
    private static final Actor SYSTEM = Actor.system("incident-response");
    private static final String NOTE = "Crew on site reports the situation; cordon holds, traffic diverted via Ring Road,"
            + " air quality monitored downwind.";

    private final EventStore eventStore;

    HistoryGenerator(EventStore eventStore) {
        this.eventStore = eventStore;
    }

    /** @param eventsPerCommit 0 or less: each incident's whole history in one commit */
    record Shape(int tasks, int notes, int openEvery, int eventsPerCommit) {
    }

    record Written(String incidentId, int events) {
    }

    /** Writes one incident's whole history. */
    Written writeIncident(long serial, Shape shape) {
        var incident = IncidentId.random();
        boolean open = shape.openEvery() > 0 && serial % shape.openEvery() == 0;
        LocalDate day = FIRST_DAY.plusDays(serial / INCIDENTS_PER_DAY);
        Instant at = day.atStartOfDay().toInstant(ZoneOffset.UTC).plusSeconds(60 * (serial % INCIDENTS_PER_DAY));
        var number = IncidentNumber.of(day, serial % INCIDENTS_PER_DAY + 1);
        var location = Location.at(31.20 + (serial % 100) / 1000.0, 121.40 + (serial % 97) / 1000.0,
                "Nanjing Road " + (serial % 900 + 1));

        var incidentEvents = new AggregateEvents("Incident", incident.value());
        incidentEvents.add(new IncidentReportedEvent(incident, number, TYPES[(int) (serial % TYPES.length)],
                SEVERITIES[(int) (serial % SEVERITIES.length)], Urgency.IMMEDIATE, Certainty.OBSERVED, location,
                "History incident " + serial, IncidentSource.operator("operator"), false, at), OPERATOR);
        incidentEvents.add(new IncidentConfirmedEvent(incident, at.plusSeconds(60)), OPERATOR);

        List<AggregateEvents> tasks = new ArrayList<>();
        for (int t = 0; t < shape.tasks(); t++) {
            var department = Department.STANDARD.get((int) ((serial + t) % Department.STANDARD.size()));
            var liaison = new Actor(department.code().toLowerCase(), Role.LIAISON, department);
            var task = TaskId.random();
            var events = new AggregateEvents("Task", task.value());
            Instant requested = at.plusSeconds(90);
            events.add(new TaskRequestedEvent(task, incident, department, "Respond to incident " + number,
                    Priority.HIGH, requested.plus(Duration.ofMinutes(5)), requested), SYSTEM);
            events.add(new TaskAcknowledgedEvent(task, incident, department, liaison.userId(),
                    requested.plusSeconds(120)), liaison);
            if (!open) {
                events.add(new TaskProgressReportedEvent(task, incident, department, TaskStatus.ON_SCENE,
                        "on scene", liaison.userId(), requested.plusSeconds(900)), liaison);
                events.add(new TaskCompletedEvent(task, incident, department, "done", liaison.userId(),
                        requested.plusSeconds(3600)), liaison);
            }
            tasks.add(events);
        }
        if (shape.tasks() > 0) {
            incidentEvents.add(new IncidentResponseStartedEvent(incident, at.plusSeconds(220)), SYSTEM);
        }
        for (int n = 0; n < shape.notes(); n++) {
            incidentEvents.add(new IncidentNoteAddedEvent(incident, NOTE + " (" + n + ")", at.plusSeconds(300 + n)),
                    OPERATOR);
        }
        if (!open) {
            Instant end = at.plusSeconds(4000 + shape.notes());
            incidentEvents.add(new IncidentReadyToContainEvent(incident, end), SYSTEM);
            incidentEvents.add(new IncidentContainedEvent(incident, end.plusSeconds(60)), OPERATOR);
            incidentEvents.add(new IncidentResolvedEvent(incident, "Resolved", end.plusSeconds(120)), OPERATOR);
            incidentEvents.add(new IncidentClosedEvent(incident, end.plusSeconds(180)), OPERATOR);
        }

        // The order a real incident's events have: its report first, then its tasks, then the rest of its life.
        List<List<DomainEventMessage<?>>> parts = new ArrayList<>();
        parts.add(incidentEvents.range(0, 2));
        tasks.forEach(task -> parts.add(task.range(0, task.size())));
        parts.add(incidentEvents.range(2, incidentEvents.size()));
        int written = 0;
        if (shape.eventsPerCommit() <= 0) {
            // The whole incident in one commit: positions and aggregates as in real life, at a fraction of the
            // durable writes (filling a large history must not take longer than measuring it).
            List<DomainEventMessage<?>> all = new ArrayList<>();
            parts.forEach(all::addAll);
            eventStore.publish(all);
            written = all.size();
        } else {
            for (var part : parts) {
                for (int i = 0; i < part.size(); i += shape.eventsPerCommit()) {
                    eventStore.publish(part.subList(i, Math.min(part.size(), i + shape.eventsPerCommit())));
                }
                written += part.size();
            }
        }
        return new Written(incident.value(), written);
    }

    /** One aggregate's events with their sequence numbers and the metadata of whoever acted. */
    private final class AggregateEvents {
        private final String type;
        private final String id;
        private final List<DomainEventMessage<?>> events = new ArrayList<>();
        private final String correlation = UUID.randomUUID().toString();

        AggregateEvents(String type, String id) {
            this.type = type;
            this.id = id;
        }

        void add(Object payload, Actor actor) {
            Map<String, Object> meta = new HashMap<>(actor.toMetaData());
            meta.put("correlationId", correlation);
            meta.put("causationId", correlation);
            events.add(new GenericDomainEventMessage<>(type, id, events.size(), payload, MetaData.from(meta)));
        }

        int size() {
            return events.size();
        }

        List<DomainEventMessage<?>> range(int from, int to) {
            return events.subList(from, to);
        }
    }
}
