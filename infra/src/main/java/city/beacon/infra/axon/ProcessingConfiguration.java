package city.beacon.infra.axon;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Event processor settings that need beans; the rest is in application.yml under axon.eventhandling. */
@Configuration(proxyBeanMethods = false)
public class ProcessingConfiguration {

    @Bean
    IncidentSequencingPolicy incidentSequencingPolicy() {
        return new IncidentSequencingPolicy();
    }
}
