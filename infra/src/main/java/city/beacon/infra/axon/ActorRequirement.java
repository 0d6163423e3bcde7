package city.beacon.infra.axon;

import org.axonframework.commandhandling.CommandBus;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Configuration;

/** Installs {@link ActorRequiredInterceptor} on the command bus. */
@Configuration(proxyBeanMethods = false)
class ActorRequirement {

    @Autowired
    void requireActors(CommandBus commandBus) {
        commandBus.registerDispatchInterceptor(new ActorRequiredInterceptor());
    }
}
