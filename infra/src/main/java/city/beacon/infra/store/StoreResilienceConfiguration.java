package city.beacon.infra.store;

import city.beacon.web.live.LiveFeed;
import city.beacon.web.problem.StoreFailures;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.queryhandling.QueryBus;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Commands and queries fail fast while the store is unreachable (docs/operations.md, "Store down"). */
@Configuration(proxyBeanMethods = false)
public class StoreResilienceConfiguration {
    static final String BREAKER = "store";

    @Bean
    StoreCircuit storeCircuit(CircuitBreakerRegistry breakers, StoreConnectivity connectivity) {
        return new StoreCircuit(breakers.circuitBreaker(BREAKER, BREAKER), connectivity);
    }

    @Bean
    StoreStatusFeed storeStatusFeed(LiveFeed feed, StoreConnectivity connectivity, StoreWrites writes) {
        return new StoreStatusFeed(feed, connectivity, writes);
    }

    @Bean
    StoreGate storeGate(CommandBus commandBus, QueryBus queryBus, StoreCircuit circuit, StoreFailures failures) {
        var gate = new StoreGate(circuit, failures);
        commandBus.registerHandlerInterceptor(gate);
        queryBus.registerHandlerInterceptor(gate);
        return gate;
    }
}
