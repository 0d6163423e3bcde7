package city.beacon.infra.deadline;

import city.beacon.infra.store.StoreConnectivity;
import org.jobrunr.server.BackgroundJobServer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The deadline server's recovery after a store outage, and its health (readiness group). */
@Configuration(proxyBeanMethods = false)
public class DeadlineWatchConfiguration {

    /** A node may run without a deadline server (jobrunr.background-job-server.enabled=false): then nothing to watch. */
    @Bean(destroyMethod = "close")
    DeadlineServerWatch deadlinesHealthIndicator(ObjectProvider<BackgroundJobServer> server,
                                                 StoreConnectivity connectivity) {
        return new DeadlineServerWatch(server::getIfAvailable, connectivity);
    }
}
