package city.beacon.infra.metrics;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.util.Map;

/** {@code beacon.metrics.scrape-keys}: scraper name → the key it sends in {@code X-Api-Key} to /actuator/prometheus. */
@ConfigurationProperties("beacon.metrics")
public record ScrapeKeys(Map<String, String> scrapeKeys) {
    public ScrapeKeys {
        scrapeKeys = scrapeKeys == null ? Map.of() : Map.copyOf(scrapeKeys);
    }
}
