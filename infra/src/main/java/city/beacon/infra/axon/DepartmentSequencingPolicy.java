package city.beacon.infra.axon;

import city.beacon.api.task.TaskScoped;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.async.SequencingPolicy;

/**
 * Keeps all task events of one department in one processing sequence: the department's queue is a single document
 * that every one of its tasks updates, and the embedded store does not make concurrent updates to one document
 * atomic.
 */
public class DepartmentSequencingPolicy implements SequencingPolicy<EventMessage<?>> {

    @Override
    public Object getSequenceIdentifierFor(EventMessage<?> event) {
        if (event.getPayload() instanceof TaskScoped task) {
            return task.department().code();
        }
        return event instanceof DomainEventMessage<?> domain ? domain.getAggregateIdentifier() : event.getIdentifier();
    }
}
