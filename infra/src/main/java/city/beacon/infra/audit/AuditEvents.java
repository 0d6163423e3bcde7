package city.beacon.infra.audit;

import city.beacon.api.audit.AuditActor;
import city.beacon.api.audit.AuditEvent;
import city.beacon.api.common.Actor;
import city.beacon.api.live.EventFacts;
import city.beacon.infra.eventstore.StoredHistory.Recorded;
import city.beacon.query.audit.AuditIndexProjection;
import city.beacon.query.audit.AuditKeys;

import java.util.Map;

/** Turns stored events into what auditors read, and into the facts the read side's pure rules take. */
final class AuditEvents {
    private AuditEvents() { }

    static AuditEvent of(Recorded recorded) {
        var message = recorded.message();
        Map<String, ?> metaData = message.getMetaData();
        AuditActor actor = null;
        try {
            Actor a = Actor.fromMetaData(metaData);
            if (a != null) {
                actor = new AuditActor(a.userId(), a.role().name(), a.department() == null ? null : a.department().code());
            }
        } catch (IllegalArgumentException e) {
            actor = null;   // metadata in a shape no longer understood: shown without an actor
        }
        return new AuditEvent(recorded.position(), message.getIdentifier(), message.getTimestamp(),
                AuditKeys.typeName(message.getPayloadType().getSimpleName()), message.getPayloadType().getName(),
                message.getAggregateIdentifier(), sequenceOf(recorded), message.getPayload(), actor,
                text(metaData.get(AuditIndexProjection.CORRELATION_ID)),
                text(metaData.get(AuditIndexProjection.CAUSATION_ID)),
                text(metaData.get(AuditIndexProjection.TRIGGER_EVENT_ID)));
    }

    /** As a projection receives the event: an event outside any aggregate has sequence -1. */
    static EventFacts facts(Recorded recorded) {
        var message = recorded.message();
        return new EventFacts(message.getIdentifier(), sequenceOf(recorded), message.getMetaData());
    }

    private static long sequenceOf(Recorded recorded) {
        return recorded.message().getAggregateIdentifier() == null ? -1 : recorded.message().getSequenceNumber();
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }
}
