package city.beacon.infra.store;

import city.beacon.web.problem.StoreFailures;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;

/**
 * Puts every handled command and query behind the {@link StoreCircuit}, and reports how it went when its unit of
 * work ends, i.e. after a command's events were appended (or failed to be).
 */
class StoreGate implements MessageHandlerInterceptor<Message<?>> {
    private final StoreCircuit circuit;
    private final StoreFailures storeFailures;

    StoreGate(StoreCircuit circuit, StoreFailures storeFailures) {
        this.circuit = circuit;
        this.storeFailures = storeFailures;
    }

    @Override
    public Object handle(UnitOfWork<? extends Message<?>> unitOfWork, InterceptorChain chain) throws Exception {
        circuit.acquire();
        long started = System.nanoTime();
        unitOfWork.onCleanup(finished -> {
            long nanos = System.nanoTime() - started;
            var result = finished.getExecutionResult();
            Throwable failure = result == null || !result.isExceptionResult() ? null : result.getExceptionResult();
            // A command the domain refused still reached the store (its aggregate was loaded): a success here. So is
            // a write the store refused at once (its disk is full): the circuit guards against waiting on a store
            // that does not answer, and opening it would refuse the reads that still work, with a vaguer reason.
            if (failure != null && storeFailures.isStoreFailure(failure)
                    && MongoStoreFailures.writeRefusal(failure) == null) {
                circuit.failed(nanos, failure);
            } else {
                circuit.succeeded(nanos);
            }
        });
        return chain.proceed();
    }
}
