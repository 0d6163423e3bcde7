package city.beacon.infra.cap;

import city.beacon.infra.incident.CityProperties;
import city.beacon.web.cap.CapProperties;
import city.beacon.web.messaging.Commands;
import city.beacon.web.messaging.Queries;
import com.mongodb.client.MongoDatabase;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;

/** CAP 1.2 out and in (docs/cap.md). */
@Configuration(proxyBeanMethods = false)
public class CapConfiguration {

    @Bean
    CapCodec capCodec() {
        // the reading time budget bounds real CPU time, so it runs on the system clock even where the
        // application clock is simulated
        return new CapCodec(XmlLimits.CAP, Clock.systemUTC());
    }

    @Bean
    CapService capAlerts(CapCodec codec, MongoDatabase beaconDatabase, Commands commands, Queries queries,
                         CapProperties properties, CapImportProperties imports, CityProperties city, Clock clock) {
        return new CapService(codec, reader(imports), new ReceivedAlerts(beaconDatabase), commands, queries,
                properties, city.timeZone(), clock);
    }

    static CapAlertReader reader(CapImportProperties imports) {
        return new CapAlertReader(new CapTypeTable(imports.types()), new CapAreaCodes(imports.areaCodes()),
                imports.cityCentre());
    }
}
