package city.beacon.infra.incident;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.ZoneId;

/** @param timeZone the city's zone: incident numbers restart at its midnight, not UTC's */
@ConfigurationProperties(prefix = "beacon.city")
public record CityProperties(ZoneId timeZone) {
    public CityProperties {
        timeZone = timeZone == null ? ZoneId.of("Asia/Shanghai") : timeZone;
    }
}
