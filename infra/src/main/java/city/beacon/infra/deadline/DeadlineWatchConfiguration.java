package city.beacon.infra.deadline;

import city.beacon.infra.store.StoreConnectivity;
import city.beacon.infra.store.StoreWrites;
import org.jobrunr.server.BackgroundJobServer;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The deadline server's recovery after a store outage, and its health (readiness group). */
@Configuration(proxyBeanMethods = false)
public class DeadlineWatchConfiguration {

    /** A node may run without a deadline server (jobrunr.background-job-server.enabled=false): then nothing to watch. */
    @Bean(destroyMethod = "close")
    DeadlineServerWatch deadlinesHealthIndicator(ObjectProvider<BackgroundJobServer> server,
                                                 StoreConnectivity connectivity, StoreWrites writes) {
        return new DeadlineServerWatch(server::getIfAvailable, connectivity, writes);
    }

    @Autowired
    void deadlineServerGauge(MeterRegistry registry, ObjectProvider<BackgroundJobServer> server) {
        Gauge.builder("beacon.deadlines.server.running", server, s -> {
            BackgroundJobServer jobs = s.getIfAvailable();
            return jobs == null || jobs.isRunning() ? 1 : 0;
        }).description("1 while this node's deadline server (JobRunr) runs or it has none, else 0")
                .strongReference(true)   // the provider is held by nothing else; a weakly held gauge turns NaN
                .register(registry);
    }
}
