package city.beacon.infra.axon;

import city.beacon.api.common.Actor;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.commandhandling.gateway.DefaultCommandGateway;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.correlation.SimpleCorrelationDataProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

/** How commands travel: every one names its actor, and concurrent-write conflicts are retried. */
@Configuration(proxyBeanMethods = false)
public class MessagingConfiguration {

    /** Correlation and causation ids: "in response to what". */
    @Bean
    CorrelationDataProvider correlationAndCausation() {
        return new CorrelationAndCausation();
    }

    /** The acting user, copied from each command onto every event it causes: "who did this". */
    @Bean
    CorrelationDataProvider actorCorrelationProvider() {
        return new SimpleCorrelationDataProvider(Actor.USER_ID, Actor.ROLE, Actor.DEPARTMENT);
    }

    @Bean(destroyMethod = "shutdownNow")
    ScheduledExecutorService commandRetryExecutor() {
        return Executors.newSingleThreadScheduledExecutor(r -> new Thread(r, "command-retry"));
    }

    @Bean
    CommandGateway commandGateway(CommandBus commandBus, ScheduledExecutorService commandRetryExecutor) {
        return DefaultCommandGateway.builder()
                .commandBus(commandBus)
                .retryScheduler(new ConflictRetryScheduler(commandRetryExecutor, 12))
                .build();
    }
}
