package city.beacon.infra.health;

import city.beacon.infra.metrics.StoreHead;
import city.beacon.infra.store.StoreConnectivity;
import city.beacon.infra.store.StoreWrites;
import org.axonframework.config.EventProcessingConfiguration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Health contributors of the readiness group (application.yml, management.endpoint.health.group). */
@Configuration(proxyBeanMethods = false)
public class HealthConfiguration {

    @Bean
    StoreHealth storeHealthIndicator(StoreConnectivity connectivity, StoreWrites writes) {
        return new StoreHealth(connectivity, writes);
    }

    @Bean
    ProcessorsHealth processorsHealthIndicator(EventProcessingConfiguration processing, StoreHead head,
                                               @Value("${beacon.readiness.max-processor-lag:10000}") long maxLag) {
        return new ProcessorsHealth(processing, head, maxLag);
    }
}
