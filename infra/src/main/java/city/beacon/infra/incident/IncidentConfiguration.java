package city.beacon.infra.incident;

import city.beacon.command.incident.Incident;
import city.beacon.command.incident.IncidentNumbers;
import city.beacon.command.incident.ReportIncidentHandler;
import com.mongodb.client.MongoDatabase;
import org.axonframework.modelling.command.Repository;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;

@Configuration(proxyBeanMethods = false)
public class IncidentConfiguration {

    @Bean
    IncidentNumbers incidentNumbers(MongoDatabase beaconDatabase, CityProperties city) {
        return new MongoIncidentNumbers(beaconDatabase, city.timeZone());
    }

    @Bean
    ReportIncidentHandler reportIncidentHandler(Repository<Incident> incidentRepository, IncidentNumbers numbers,
                                                Clock clock) {
        return new ReportIncidentHandler(incidentRepository, numbers, clock);
    }
}
