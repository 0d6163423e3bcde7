package city.beacon.infra.axon;

import city.beacon.api.incident.IncidentScoped;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.async.SequencingPolicy;

/**
 * Keeps every event about one incident — its own and its tasks' — in one processing sequence. Read models that
 * gather an incident's tasks into the incident's document would otherwise lose updates when two segments (or two
 * nodes) apply a task event and an incident event to the same document at once.
 */
public class IncidentSequencingPolicy implements SequencingPolicy<EventMessage<?>> {

    @Override
    public Object getSequenceIdentifierFor(EventMessage<?> event) {
        if (event.getPayload() instanceof IncidentScoped scoped) {
            return scoped.incidentId().value();
        }
        return event instanceof DomainEventMessage<?> domain ? domain.getAggregateIdentifier() : event.getIdentifier();
    }
}
