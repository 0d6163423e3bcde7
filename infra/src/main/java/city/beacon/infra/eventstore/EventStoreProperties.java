package city.beacon.infra.eventstore;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/**
 * Tuning of Beacon's event store.
 *
 * @param gapTimeout how long tracking processors wait for a reserved position whose commit is not visible yet
 *                   ({@code beacon.event-store.gap-timeout}, default 60s); a commit slower than this is skipped by
 *                   processors already past it
 * @param batchSize  events per stream read and keys per aggregate read ({@code beacon.event-store.batch-size}, 100)
 */
@ConfigurationProperties(prefix = "beacon.event-store")
public record EventStoreProperties(Duration gapTimeout, Integer batchSize) {
    public EventStoreProperties {
        gapTimeout = gapTimeout == null ? Duration.ofMinutes(1) : gapTimeout;
        batchSize = batchSize == null ? 100 : batchSize;
    }
}
