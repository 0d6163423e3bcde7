package city.beacon.infra.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;

import java.util.List;
import java.util.function.BiFunction;

/**
 * Counts events by type once they are committed ({@code beacon.events.appended}): a published event belongs to a
 * unit of work and reaches the store only when that commits, so counting at publication would count rollbacks.
 */
class EventsAppendedMetrics implements MessageDispatchInterceptor<EventMessage<?>> {
    static final String COUNTER = "beacon.events.appended";
    private final MeterRegistry registry;

    EventsAppendedMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    @Override
    public BiFunction<Integer, EventMessage<?>, EventMessage<?>> handle(List<? extends EventMessage<?>> messages) {
        return (index, event) -> {
            Counter counter = Counter.builder(COUNTER)
                    .description("Events committed to the event store, by type")
                    .tag("event", event.getPayloadType().getSimpleName())
                    .register(registry);
            if (CurrentUnitOfWork.isStarted()) {
                CurrentUnitOfWork.get().afterCommit(u -> counter.increment());
            } else {
                counter.increment();
            }
            return event;
        };
    }
}
