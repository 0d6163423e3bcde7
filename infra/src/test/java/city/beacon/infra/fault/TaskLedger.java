package city.beacon.infra.fault;

import com.fasterxml.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Tasks and their acknowledgment deadlines as the store records them: which were requested, which were settled
 * (acknowledged, declined, completed or cancelled), which were open at a given moment, and every escalation by task
 * and level. A deadline that fires leaves exactly one TaskEscalatedEvent at its level; one that fires twice leaves
 * two, one that never fires leaves none.
 */
final class TaskLedger {
    private static final Set<String> SETTLING = Set.of("TaskAcknowledgedEvent", "TaskDeclinedEvent",
            "TaskCompletedEvent", "TaskCancelledEvent");

    /** @param acknowledgeBy when the task's first deadline passes */
    record Task(String id, String incidentId, String department, Instant requestedAt, Instant acknowledgeBy) {
    }

    private final StoredEvents events;
    private final Map<String, Task> requested = new HashMap<>();
    private final Map<String, List<StoredEvents.Event>> byTask;

    TaskLedger(StoredEvents events) {
        this.events = events;
        this.byTask = events.all().stream().filter(e -> e.aggregateId() != null)
                .collect(Collectors.groupingBy(StoredEvents.Event::aggregateId));
        for (var event : events.ofType("TaskRequestedEvent")) {
            var payload = event.payload();
            requested.put(event.aggregateId(), new Task(event.aggregateId(), text(payload.path("incidentId")),
                    text(payload.path("department")), event.timestamp(), instant(payload.path("acknowledgeBy"))));
        }
    }

    Map<String, Task> requested() {
        return requested;
    }

    /** Requested before {@code moment} and neither settled nor escalated by then: its first deadline was pending. */
    List<Task> openAt(Instant moment) {
        return requested.values().stream()
                .filter(task -> task.requestedAt().isBefore(moment))
                .filter(task -> byTask.get(task.id()).stream().noneMatch(e -> e.timestamp().isBefore(moment)
                        && (SETTLING.contains(e.type()) || e.type().equals("TaskEscalatedEvent"))))
                .toList();
    }

    /** Tasks no one ever acknowledged, declined, completed or cancelled: each one's deadline must fire. */
    List<Task> neverSettled() {
        Set<String> settled = events.all().stream().filter(e -> SETTLING.contains(e.type()))
                .map(StoredEvents.Event::aggregateId).collect(Collectors.toSet());
        return requested.values().stream().filter(task -> !settled.contains(task.id())).toList();
    }

    /** "task@level" → the escalation events at that level, in stream order. */
    Map<String, List<StoredEvents.Event>> escalations() {
        return events.ofType("TaskEscalatedEvent").stream().collect(Collectors.groupingBy(
                e -> e.aggregateId() + "@" + e.payload().path("level").asInt(), TreeMap::new, Collectors.toList()));
    }

    /** The task's first-level escalations. */
    List<StoredEvents.Event> firstEscalations(Task task) {
        return escalations().getOrDefault(task.id() + "@1", List.of());
    }

    /**
     * Task → its status and escalation level as the stream alone says, folding its events in position order: what
     * the task read model must show, whatever happened to the node that built it.
     */
    Map<String, String> statesFromTheStream() {
        Map<String, String> states = new TreeMap<>();
        events.all().stream().sorted(java.util.Comparator.comparingLong(StoredEvents.Event::position))
                .forEach(event -> {
                    String status = switch (event.type()) {
                        case "TaskRequestedEvent" -> "REQUESTED";
                        case "TaskAcknowledgedEvent" -> "ACKNOWLEDGED";
                        case "TaskEscalatedEvent" -> "ESCALATED";
                        case "TaskDeclinedEvent" -> "DECLINED";
                        case "TaskCompletedEvent" -> "COMPLETED";
                        case "TaskCancelledEvent" -> "CANCELLED";
                        case "TaskProgressReportedEvent" -> text(event.payload().path("status"));
                        default -> null;
                    };
                    if (status != null) {
                        int level = event.type().equals("TaskEscalatedEvent") ? event.payload().path("level").asInt()
                                : levelOf(states.get(event.aggregateId()));
                        states.put(event.aggregateId(), status + "@" + level);
                    }
                });
        return states;
    }

    private static int levelOf(String state) {
        return state == null ? 0 : Integer.parseInt(state.substring(state.indexOf('@') + 1));
    }

    /** Incident → department → how many tasks were requested of it. */
    Map<String, Map<String, Long>> tasksPerIncident() {
        return requested.values().stream().collect(Collectors.groupingBy(Task::incidentId,
                Collectors.groupingBy(Task::department, TreeMap::new, Collectors.counting())));
    }

    private static String text(JsonNode value) {
        // a typed id or department is written either as its value or as an object holding it
        if (value.isValueNode()) {
            return value.asText();
        }
        var fields = value.elements();
        return fields.hasNext() ? fields.next().asText() : null;
    }

    private static Instant instant(JsonNode value) {
        if (value.isTextual()) {
            return Instant.parse(value.asText());
        }
        if (value.isNumber()) {
            var seconds = new BigDecimal(value.asText());
            return Instant.ofEpochSecond(seconds.longValue(),
                    seconds.remainder(BigDecimal.ONE).movePointRight(9).longValue());
        }
        return null;
    }
}
