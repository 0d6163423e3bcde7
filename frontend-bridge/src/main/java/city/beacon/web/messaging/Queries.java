package city.beacon.web.messaging;

import city.beacon.web.problem.StoreUnavailableException;
import org.axonframework.messaging.responsetypes.ResponseType;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.stereotype.Component;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Asks the read side, bounded in time like {@link Commands}. */
@Component
public class Queries {
    private final QueryGateway gateway;

    public Queries(QueryGateway gateway) {
        this.gateway = gateway;
    }

    public <R, Q> R ask(Q query, ResponseType<R> responseType) {
        try {
            return gateway.query(query, responseType).get(15, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException runtime ? runtime : new IllegalStateException(e.getCause());
        } catch (TimeoutException e) {
            throw new StoreUnavailableException("query " + query.getClass().getSimpleName() + " timed out", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreUnavailableException("interrupted while waiting for the query", e);
        }
    }
}
