package city.beacon.query.board;

import city.beacon.api.board.BoardRowView;
import city.beacon.api.board.BoardTask;
import city.beacon.api.incident.*;
import city.beacon.api.task.TaskStatus;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * The stored board row of one active incident. {@code incidentSeq} and each task's {@code seq} are the aggregate
 * sequence numbers already applied, which makes every handler idempotent.
 */
record BoardEntry(String id, String number, IncidentType type, Severity severity, Urgency urgency,
                  Certainty certainty, IncidentStatus status, Location location, String summary, boolean drill,
                  boolean readyToContain, Instant reportedAt, Instant lastChangedAt, long incidentSeq,
                  List<TaskEntry> tasks, long version) {

    record TaskEntry(String taskId, String department, TaskStatus status, int escalationLevel, Instant acknowledgeBy,
                     long seq) {
    }

    static BoardEntry reported(IncidentReportedEvent e, long seq) {
        return new BoardEntry(e.incidentId().value(), e.number().value(), e.type(), e.severity(), e.urgency(),
                e.certainty(), IncidentStatus.REPORTED, e.location(), e.summary(), e.drill(), false, e.reportedAt(),
                e.reportedAt(), seq, List.of(), 1);
    }

    BoardEntry withStatus(IncidentStatus newStatus, Instant at, long seq) {
        return new BoardEntry(id, number, type, severity, urgency, certainty, newStatus, location, summary, drill,
                readyToContain, reportedAt, at, seq, tasks, version + 1);
    }

    BoardEntry reclassified(IncidentReclassifiedEvent e, long seq) {
        return new BoardEntry(id, number, e.type(), e.severity(), e.urgency(), e.certainty(), status, location,
                summary, drill, readyToContain, reportedAt, e.reclassifiedAt(), seq, tasks, version + 1);
    }

    BoardEntry relocated(Location newLocation, Instant at, long seq) {
        return new BoardEntry(id, number, type, severity, urgency, certainty, status, newLocation, summary, drill,
                readyToContain, reportedAt, at, seq, tasks, version + 1);
    }

    BoardEntry readyToContain(Instant at, long seq) {
        return new BoardEntry(id, number, type, severity, urgency, certainty, status, location, summary, drill,
                true, reportedAt, at, seq, tasks, version + 1);
    }

    /** Applies a task event unless this row has already seen it; returns this row unchanged if so. */
    BoardEntry withTask(String taskId, long seq, Instant at, UnaryOperator<TaskEntry> change) {
        List<TaskEntry> next = new ArrayList<>(tasks);
        for (int i = 0; i < next.size(); i++) {
            TaskEntry task = next.get(i);
            if (task.taskId().equals(taskId)) {
                if (task.seq() >= seq) {
                    return this;
                }
                next.set(i, change.apply(task));
                return withTasks(next, at);
            }
        }
        if (seq > 0) {
            return this;   // a later event of a task this row never saw requested
        }
        next.add(change.apply(null));
        return withTasks(next, at);
    }

    private BoardEntry withTasks(List<TaskEntry> newTasks, Instant at) {
        return new BoardEntry(id, number, type, severity, urgency, certainty, status, location, summary, drill,
                readyToContain, reportedAt, at, incidentSeq, List.copyOf(newTasks), version + 1);
    }

    BoardRowView toView(Instant now) {
        Map<TaskStatus, Integer> counts = new EnumMap<>(TaskStatus.class);
        int overdue = 0;
        int escalated = 0;
        List<BoardTask> views = new ArrayList<>();
        for (TaskEntry task : tasks) {
            counts.merge(task.status(), 1, Integer::sum);
            if (task.status().awaitsAcknowledgment() && task.acknowledgeBy() != null && now.isAfter(task.acknowledgeBy())) {
                overdue++;
            }
            if (task.status() == TaskStatus.ESCALATED) {
                escalated++;
            }
            views.add(new BoardTask(task.taskId(), task.department(), task.status(), task.escalationLevel(),
                    task.acknowledgeBy()));
        }
        return new BoardRowView(id, number, type, severity, urgency, certainty, status, location, summary, drill,
                readyToContain, reportedAt, lastChangedAt, counts, overdue, escalated, views, version);
    }
}
