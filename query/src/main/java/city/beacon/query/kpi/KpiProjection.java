package city.beacon.query.kpi;

import city.beacon.api.incident.IncidentReclassifiedEvent;
import city.beacon.api.incident.IncidentReportedEvent;
import city.beacon.api.incident.IncidentType;
import city.beacon.api.kpi.FindKpisQuery;
import city.beacon.api.kpi.KpiView;
import city.beacon.api.task.*;
import city.beacon.query.support.EventPosition;
import com.mongodb.client.MongoDatabase;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * Response KPIs per department and incident type: time to acknowledge and to arrive on scene (median, p90), the
 * deadline-miss rate and escalations, over the tasks requested in a period; drills excluded.
 * <p>
 * Tasks are filed under the UTC day of their request, in that day's bucket documents (KpiStore), so a period reads its
 * days' buckets by id. An incident's type is kept apart and joined when asked, so a reclassification counts every
 * task of the incident under its latest type. Buckets are shared by many tasks: this group must run in one sequence
 * (one segment), since the embedded store does not make concurrent updates of one document atomic. Each bucket
 * records the stream positions it applied (a batch redelivered after a crash counts nothing twice), each task its
 * last applied sequence number and each incident its version, so an event delivered twice changes nothing.
 */
@Component
@ProcessingGroup(KpiProjection.GROUP)
public class KpiProjection {
    public static final String GROUP = "kpi";
    private static final Comparator<KpiView> ORDER = Comparator.comparing(KpiView::department)
            .thenComparing(KpiView::incidentType, Comparator.nullsLast(Comparator.naturalOrder()));
    private final KpiStore store;
    private final Clock clock;

    public KpiProjection(MongoDatabase beaconDatabase, Clock clock) {
        this.store = new KpiStore(beaconDatabase);
        this.clock = clock;
    }

    @EventHandler
    void on(IncidentReportedEvent e) {
        var stored = store.storedIncident(e.incidentId().value());
        if (stored == null) {
            store.saveIncident(e.incidentId().value(), new IncidentFacts(e.type(), e.drill(), 0), null,
                    EventPosition.ofCurrent());
        }
    }

    @EventHandler
    void on(IncidentReclassifiedEvent e, @SequenceNumber long seq) {
        var stored = store.storedIncident(e.incidentId().value());
        var facts = KpiStore.incident(stored);
        var position = EventPosition.ofCurrent();
        if (facts != null && facts.version() < seq && (position == null || !position.appliedTo(stored))) {
            store.saveIncident(e.incidentId().value(), new IncidentFacts(e.type(), facts.drill(), seq), stored,
                    position);
        }
    }

    @EventHandler
    void on(TaskRequestedEvent e, @SequenceNumber long seq) {
        var taskId = e.taskId().value();
        var day = dayOf(e.requestedAt());
        var bucket = KpiStore.bucket(day, taskId);
        var stored = store.storedBucket(bucket);
        var position = EventPosition.ofCurrent();
        var facts = KpiStore.day(stored);
        if ((position == null || !position.appliedTo(stored))
                && facts.tasks().stream().noneMatch(t -> t.taskId().equals(taskId))) {
            var tasks = new ArrayList<>(facts.tasks());
            tasks.add(new TaskFacts(taskId, e.department().code(), e.incidentId().value(), e.requestedAt(),
                    e.acknowledgeBy(), null, null, null, false, seq));
            tasks.sort(Comparator.comparing(TaskFacts::taskId));   // the same document whatever the delivery order
            store.saveBucket(bucket, new KpiDay(tasks), stored, position);
        }
        store.rememberBucket(taskId, day, bucket);   // after the bucket: a crash in between is repaired by redelivery
    }

    @EventHandler
    void on(TaskAcknowledgedEvent e, @SequenceNumber long seq) {
        task(e.taskId(), seq, t -> t.acknowledged(e.acknowledgedAt(), seq));
    }

    @EventHandler
    void on(TaskProgressReportedEvent e, @SequenceNumber long seq) {
        if (e.status() == TaskStatus.ON_SCENE) {
            task(e.taskId(), seq, t -> t.onScene(e.reportedAt(), seq));
        }
    }

    @EventHandler
    void on(TaskDeclinedEvent e, @SequenceNumber long seq) {
        task(e.taskId(), seq, t -> t.closed(e.declinedAt(), seq));
    }

    @EventHandler
    void on(TaskCancelledEvent e, @SequenceNumber long seq) {
        task(e.taskId(), seq, t -> t.closed(e.cancelledAt(), seq));
    }

    @EventHandler
    void on(TaskEscalatedEvent e, @SequenceNumber long seq) {
        task(e.taskId(), seq, t -> t.escalated(seq));
    }

    /** Expects a valid period (from before to, at most about a year): the web layer checks what clients send. */
    @QueryHandler
    List<KpiView> handle(FindKpisQuery query) {
        var days = new ArrayList<String>();
        var last = dayOf(query.to().minusNanos(1));
        for (var day = LocalDate.ofInstant(query.from(), ZoneOffset.UTC); !day.isAfter(LocalDate.parse(last));
             day = day.plusDays(1)) {
            days.add(day.toString());
        }
        var tasks = store.days(days).stream().flatMap(d -> d.tasks().stream())
                .filter(t -> !t.requestedAt().isBefore(query.from()) && t.requestedAt().isBefore(query.to()))
                .toList();
        var incidents = store.incidents(tasks.stream().map(TaskFacts::incidentId).toList());
        Map<Key, List<TaskFacts>> groups = new LinkedHashMap<>();
        for (var task : tasks) {
            var incident = incidents.get(task.incidentId());
            if (incident != null && incident.drill()) {
                continue;
            }
            var key = new Key(task.department(), incident == null ? null : incident.type());
            groups.computeIfAbsent(key, k -> new ArrayList<>()).add(task);
        }
        var now = clock.instant();
        return groups.entrySet().stream().map(g -> row(g.getKey(), g.getValue(), now)).sorted(ORDER).toList();
    }

    @ResetHandler
    void reset() {
        store.clear();
    }

    private void task(TaskId id, long seq, UnaryOperator<TaskFacts> change) {
        var bucket = store.bucketOf(id.value());
        if (bucket == null) {
            return;   // a task this model never saw requested
        }
        var stored = store.storedBucket(bucket);
        var position = EventPosition.ofCurrent();
        if (position != null && position.appliedTo(stored)) {
            return;
        }
        var tasks = new ArrayList<>(KpiStore.day(stored).tasks());
        for (int i = 0; i < tasks.size(); i++) {
            var task = tasks.get(i);
            if (task.taskId().equals(id.value())) {
                if (task.seq() >= seq) {
                    return;
                }
                tasks.set(i, change.apply(task));
                store.saveBucket(bucket, new KpiDay(tasks), stored, position);
                return;
            }
        }
    }

    private static KpiView row(Key key, List<TaskFacts> tasks, Instant now) {
        var acknowledge = tasks.stream().filter(t -> t.acknowledgedAt() != null)
                .mapToDouble(t -> seconds(t.requestedAt(), t.acknowledgedAt())).toArray();
        var onScene = tasks.stream().filter(t -> t.onSceneAt() != null)
                .mapToDouble(t -> seconds(t.requestedAt(), t.onSceneAt())).toArray();
        int missed = (int) tasks.stream().filter(t -> t.missedDeadline(now)).count();
        int escalated = (int) tasks.stream().filter(TaskFacts::escalated).count();
        return new KpiView(key.department(), key.type(), tasks.size(), ResponseTimeStatistics.of(acknowledge),
                ResponseTimeStatistics.of(onScene), missed, (double) missed / tasks.size(), escalated);
    }

    private static double seconds(Instant from, Instant to) {
        return java.time.Duration.between(from, to).toNanos() / 1e9;
    }

    static String dayOf(Instant at) {
        return LocalDate.ofInstant(at, ZoneOffset.UTC).toString();
    }

    private record Key(String department, IncidentType type) {
        Key {
            Objects.requireNonNull(department);
        }
    }
}
