package city.beacon.infra.audit;

import city.beacon.infra.eventstore.BeaconEventStorageEngine;
import city.beacon.infra.eventstore.StoredHistory;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(AuditProperties.class)
public class AuditConfiguration {

    @Bean
    StoredHistory storedHistory(EventStorageEngine engine) {
        return ((BeaconEventStorageEngine) engine).history();
    }
}
