package city.beacon.infra.axon;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.async.SequencingPolicy;

import java.lang.reflect.Method;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Keeps every event about one incident — its own and its tasks' — in one processing sequence. Read models that
 * gather an incident's tasks into the incident's document would otherwise lose updates when two segments (or two
 * nodes) apply a task event and an incident event to the same document at once.
 */
public class IncidentSequencingPolicy implements SequencingPolicy<EventMessage<?>> {
    private final Map<Class<?>, Method> accessors = new ConcurrentHashMap<>();

    @Override
    public Object getSequenceIdentifierFor(EventMessage<?> event) {
        Method accessor = accessors.computeIfAbsent(event.getPayloadType(), IncidentSequencingPolicy::incidentIdOf);
        if (accessor != NONE) {
            try {
                Object incidentId = accessor.invoke(event.getPayload());
                if (incidentId != null) {
                    return incidentId.toString();
                }
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("cannot read the incident id of " + event.getPayloadType(), e);
            }
        }
        return event instanceof DomainEventMessage<?> domain ? domain.getAggregateIdentifier() : event.getIdentifier();
    }

    private static final Method NONE;

    static {
        try {
            NONE = Object.class.getMethod("toString");
        } catch (NoSuchMethodException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private static Method incidentIdOf(Class<?> type) {
        if (type.isRecord()) {
            for (var component : type.getRecordComponents()) {
                if (component.getName().equals("incidentId")) {
                    return component.getAccessor();
                }
            }
        }
        return NONE;
    }
}
