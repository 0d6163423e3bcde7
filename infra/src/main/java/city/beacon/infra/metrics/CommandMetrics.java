package city.beacon.infra.metrics;

import city.beacon.web.problem.StoreFailures;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;

/**
 * Times every handled command, tagged by command type and {@link CommandOutcome}: {@code beacon.commands}. The
 * outcome is read when the unit of work is cleaned up, after its events were appended (or not): a command whose
 * append failed is a failure, though its handler returned normally.
 */
class CommandMetrics implements MessageHandlerInterceptor<CommandMessage<?>> {
    static final String TIMER = "beacon.commands";
    private final MeterRegistry registry;
    private final StoreFailures storeFailures;

    CommandMetrics(MeterRegistry registry, StoreFailures storeFailures) {
        this.registry = registry;
        this.storeFailures = storeFailures;
    }

    @Override
    public Object handle(UnitOfWork<? extends CommandMessage<?>> unitOfWork, InterceptorChain chain) throws Exception {
        Timer.Sample sample = Timer.start(registry);
        String command = unitOfWork.getMessage().getPayloadType().getSimpleName();
        unitOfWork.onCleanup(finished -> {
            var result = finished.getExecutionResult();
            Throwable failure = result == null || !result.isExceptionResult() ? null : result.getExceptionResult();
            sample.stop(Timer.builder(TIMER)
                    .description("Commands handled, by type and outcome")
                    .tag("command", command)
                    .tag("outcome", CommandOutcome.of(failure, storeFailures).tag())
                    .register(registry));
        });
        return chain.proceed();
    }
}
