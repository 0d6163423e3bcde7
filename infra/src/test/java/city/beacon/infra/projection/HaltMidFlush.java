package city.beacon.infra.projection;

import city.beacon.query.incident.IncidentProjection;
import city.beacon.query.support.ReadModelBatch;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.context.annotation.Bean;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * Added as a source of the child node in {@link ProjectionCrashChild} (never scanned): once the incident-detail
 * processor has handled {@code beacon.test.halt-after} events, at the end of the next batch it writes the first half
 * of the batch's read-model documents — what its flush would write first — and halts the JVM, as a kill -9 in the
 * middle of the flush would leave it: some documents written, the others and the token not.
 */
public class HaltMidFlush {

    @Bean
    ConfigurerModule haltMidFlushModule(org.springframework.core.env.Environment environment) {
        int after = Integer.parseInt(environment.getProperty("beacon.test.halt-after", "20"));
        var handled = new AtomicInteger();
        MessageHandlerInterceptor<EventMessage<?>> halt = new MessageHandlerInterceptor<>() {
            @Override
            public Object handle(UnitOfWork<? extends EventMessage<?>> unitOfWork, InterceptorChain chain)
                    throws Exception {
                Object result = chain.proceed();
                boolean last = unitOfWork instanceof BatchingUnitOfWork<?> batching && batching.isLastMessage();
                if (handled.incrementAndGet() >= after && last) {
                    var batch = ReadModelBatch.current();
                    var pending = batch == null ? java.util.List.<ReadModelBatch.PendingWrite>of() : batch.pending();
                    if (pending.size() >= 2) {
                        pending.subList(0, pending.size() / 2).forEach(ReadModelBatch.PendingWrite::write);
                        synchronized (System.out) {
                            System.out.println("HALT " + pending.size() / 2 + " of " + pending.size());
                            System.out.flush();
                        }
                        Runtime.getRuntime().halt(137);
                    }
                }
                return result;
            }
        };
        return new ConfigurerModule() {
            @Override
            public void configureModule(org.axonframework.config.Configurer configurer) {
                configurer.eventProcessing(processing ->
                        processing.registerHandlerInterceptor(IncidentProjection.GROUP, c -> halt));
            }

            @Override
            public int order() {
                return 1;   // after the batch flush is registered: this one runs inside it, before the flush
            }
        };
    }
}
