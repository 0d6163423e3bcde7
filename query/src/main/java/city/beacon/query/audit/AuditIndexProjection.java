package city.beacon.query.audit;

import city.beacon.api.common.Actor;
import city.beacon.api.incident.IncidentMergedEvent;
import city.beacon.api.incident.IncidentScoped;
import city.beacon.api.sensor.SensorAlarmRaisedEvent;
import city.beacon.api.task.TaskScoped;
import city.beacon.query.support.EventPosition;
import city.beacon.query.support.ReadModelBatch;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.BulkWriteOptions;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.bson.Document;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Keeps the audit index ({@link AuditKeys}): for every event, its position under its incident, its hour (with its
 * time), its actor, department and type per hour, its own id, its causation and correlation ids. A batch's entries
 * go out as one bulk write when the batch's last event has been handled, before the token (like the other read
 * models); every entry is an idempotent set addition, so redelivery changes nothing.
 */
@Component
@ProcessingGroup(AuditIndexProjection.GROUP)
public class AuditIndexProjection {
    public static final String GROUP = "audit-index";
    public static final String COLLECTION = "audit_index";
    public static final String CAUSATION_ID = "causationId";
    public static final String CORRELATION_ID = "correlationId";
    public static final String TRIGGER_EVENT_ID = "triggerEventId";
    private static final String PENDING = AuditIndexProjection.class.getName() + ".pending";
    private final MongoCollection<Document> index;

    public AuditIndexProjection(MongoDatabase beaconDatabase) {
        this.index = beaconDatabase.getCollection(COLLECTION);
    }

    @EventHandler
    public void on(Object payload, EventMessage<?> message) {
        EventPosition position = EventPosition.of(message);
        if (position == null) {
            return;   // not read from the global stream
        }
        var batch = ReadModelBatch.current();
        if (batch == null) {
            var updates = new AuditIndexUpdates();
            entries(payload, message, position.position(), updates);
            write(updates);
            return;
        }
        AuditIndexUpdates updates = CurrentUnitOfWork.get().root().getOrComputeResource(PENDING, key -> {
            var pending = new AuditIndexUpdates();
            batch.afterFlush(flushed -> write(pending));
            return pending;
        });
        entries(payload, message, position.position(), updates);
    }

    /** Indexes many events read from the global stream with one bulk write (a rebuild, a benchmark). */
    public void indexAll(List<? extends EventMessage<?>> messages) {
        var updates = new AuditIndexUpdates();
        for (EventMessage<?> message : messages) {
            EventPosition position = EventPosition.of(message);
            if (position != null) {
                entries(message.getPayload(), message, position.position(), updates);
            }
        }
        write(updates);
    }

    @ResetHandler
    void reset() {
        index.deleteMany(new Document());
    }

    private void write(AuditIndexUpdates updates) {
        if (!updates.isEmpty()) {
            index.bulkWrite(updates.models(), new BulkWriteOptions().ordered(false));
        }
    }

    static void entries(Object payload, EventMessage<?> message, long position, AuditIndexUpdates updates) {
        Instant time = message.getTimestamp();
        Instant hour = AuditKeys.hourOf(time);
        updates.addTimed(AuditKeys.hour(hour), position, time);
        updates.max(AuditKeys.day(AuditKeys.dayOf(time)), position);
        updates.minTime(AuditKeys.SPAN, time);
        updates.add(AuditKeys.typeHour(AuditKeys.typeName(payload.getClass().getSimpleName()), hour), position);
        updates.add(AuditKeys.event(message.getIdentifier()), position);
        Map<String, ?> metaData = message.getMetaData();
        Actor actor = actorOf(metaData);
        if (actor != null) {
            updates.add(AuditKeys.actorHour(actor.userId(), hour), position);
            if (actor.department() != null) {
                updates.add(AuditKeys.departmentHour(actor.department().code(), hour), position);
            }
        }
        if (payload instanceof TaskScoped task && task.department() != null) {
            updates.add(AuditKeys.departmentHour(task.department().code(), hour), position);
        }
        if (payload instanceof IncidentScoped scoped && scoped.incidentId() != null) {
            updates.add(AuditKeys.incident(scoped.incidentId().value()), position);
        }
        if (payload instanceof IncidentMergedEvent merged && merged.into() != null) {
            updates.add(AuditKeys.incident(merged.into().value()), position);
        }
        if (payload instanceof SensorAlarmRaisedEvent alarm) {
            updates.add(AuditKeys.sensorAlarms(alarm.sensorId().value()), position);
        }
        if (metaData.get(CAUSATION_ID) != null) {
            updates.add(AuditKeys.causation(metaData.get(CAUSATION_ID).toString()), position);
        }
        if (metaData.get(TRIGGER_EVENT_ID) != null) {
            updates.add(AuditKeys.trigger(metaData.get(TRIGGER_EVENT_ID).toString()), position);
        }
        if (metaData.get(CORRELATION_ID) != null) {
            updates.add(AuditKeys.correlation(metaData.get(CORRELATION_ID).toString()), position);
        }
    }

    /** The actor, or null when the metadata names none (or names it in a shape no longer understood). */
    private static Actor actorOf(Map<String, ?> metaData) {
        try {
            return Actor.fromMetaData(metaData);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
