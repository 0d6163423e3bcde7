package city.beacon.infra.department;

import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Delivery outcomes become commands on the task, hence events (kept apart so tests can run without Axon). */
@Configuration(proxyBeanMethods = false)
public class NotificationOutcomesConfiguration {

    @Bean
    NotificationOutcomes notificationOutcomes(CommandGateway commandGateway, MeterRegistry meterRegistry) {
        return new MeteredNotificationOutcomes(new CommandNotificationOutcomes(commandGateway), meterRegistry);
    }
}
