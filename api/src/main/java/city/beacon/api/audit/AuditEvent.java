package city.beacon.api.audit;

import java.time.Instant;

/**
 * One stored event as auditors read it (docs/audit.md): its global position, time, type, the event record itself
 * as {@code payload}, who caused it and through which message.
 *
 * @param type        the event class's simple name without "Event", e.g. "TaskAcknowledged"
 * @param payloadType the stored payload class name
 * @param sequence    the aggregate's sequence number, -1 for an event outside any aggregate
 * @param triggerEventId the stored event that led to this one (through a saga's command), null when a person's
 *                       request or a device started it
 */
public record AuditEvent(long position, String eventId, Instant time, String type, String payloadType,
                         String aggregateId, long sequence, Object payload, AuditActor actor,
                         String correlationId, String causationId, String triggerEventId) {
}
