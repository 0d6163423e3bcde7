package city.beacon.infra.store;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/**
 * The driver's time limits, all in one place (docs/operations.md, "Store down"). Together with the store circuit
 * they decide how fast an operator learns that the store is gone, and how fast Beacon notices it is back.
 *
 * @param serverSelectionTimeout how long an operation waits for a reachable store before failing
 * @param connectTimeout         how long opening a connection may take, and the heartbeat's read limit
 * @param socketTimeout          how long one request may wait for its answer (a hung store, not a slow query:
 *                               every hot query is keyed)
 * @param heartbeatFrequency     how often the driver checks the store, and so how soon it notices its return
 * @param startupWait            how long start-up waits for the store to answer at all
 */
@ConfigurationProperties(prefix = "beacon.store-connection")
public record StoreConnectionProperties(Duration serverSelectionTimeout, Duration connectTimeout,
                                        Duration socketTimeout, Duration heartbeatFrequency,
                                        Duration startupWait) {
    public StoreConnectionProperties {
        serverSelectionTimeout = serverSelectionTimeout == null ? Duration.ofMillis(750) : serverSelectionTimeout;
        connectTimeout = connectTimeout == null ? Duration.ofSeconds(3) : connectTimeout;
        socketTimeout = socketTimeout == null ? Duration.ofSeconds(10) : socketTimeout;
        heartbeatFrequency = heartbeatFrequency == null ? Duration.ofSeconds(1) : heartbeatFrequency;
        startupWait = startupWait == null ? Duration.ofSeconds(30) : startupWait;
    }
}
