package city.beacon.infra.deadline;

import city.beacon.infra.store.StoreProperties;
import com.mongodb.client.MongoClient;
import org.jobrunr.jobs.details.CachingJobDetailsGenerator;
import org.jobrunr.jobs.mappers.JobMapper;
import org.jobrunr.scheduling.JobScheduler;
import org.jobrunr.storage.StorageProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Acknowledgment deadlines that survive a restart and fire on whichever node is up: JobRunr keeps them in Beacon's
 * MongoDB database (collections {@code jobrunr_*}), and Axon's {@code AxonJobRunrAutoConfiguration} builds the
 * JobRunrDeadlineManager on top once JobRunr's JobScheduler exists. Replaces JobRunr's own storage bean (same name,
 * so its auto-configuration steps aside) to get past one migration on the embedded store.
 */
@Configuration(proxyBeanMethods = false)
public class DeadlineConfiguration {
    static final String COLLECTION_PREFIX = "jobrunr_";

    @Bean(name = "storageProvider", destroyMethod = "close")
    StorageProvider storageProvider(MongoClient mongoClient, StoreProperties store, JobMapper jobMapper) {
        var provider = new BeaconMongoStorageProvider(mongoClient, store.mongodb().database(), COLLECTION_PREFIX);
        provider.setJobMapper(jobMapper);
        return provider;
    }

    /** JobRunr's own scheduler would throw when a deadline to cancel has no job (ForgivingJobScheduler says why). */
    @Bean
    JobScheduler jobScheduler(StorageProvider storageProvider) {
        return new ForgivingJobScheduler(storageProvider, new CachingJobDetailsGenerator());
    }
}
