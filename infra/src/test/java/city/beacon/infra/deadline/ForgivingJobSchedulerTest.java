package city.beacon.infra.deadline;

import org.jobrunr.jobs.details.CachingJobDetailsGenerator;
import org.jobrunr.jobs.mappers.JobMapper;
import org.jobrunr.jobs.states.StateName;
import org.jobrunr.storage.InMemoryStorageProvider;
import org.jobrunr.utils.mapper.jackson.JacksonJsonMapper;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

/** Cancelling a deadline whose job was never written (its node died first) must not fail the saga's batch. */
class ForgivingJobSchedulerTest {
    private final InMemoryStorageProvider storage = storage();
    private final ForgivingJobScheduler scheduler = new ForgivingJobScheduler(storage,
            new CachingJobDetailsGenerator());

    private static InMemoryStorageProvider storage() {
        var provider = new InMemoryStorageProvider();
        provider.setJobMapper(new JobMapper(new JacksonJsonMapper()));
        return provider;
    }

    @Test
    void cancellingAJobThatWasNeverWrittenIsANoOp() {
        assertThatCode(() -> scheduler.delete(UUID.randomUUID())).doesNotThrowAnyException();
        assertThatCode(() -> scheduler.delete(UUID.randomUUID(), "cancelled")).doesNotThrowAnyException();
    }

    @Test
    void cancellingAJobThatExistsStillDeletesIt() {
        var id = scheduler.schedule(Instant.now().plusSeconds(3600), () -> System.out.println("never")).asUUID();

        scheduler.delete(id);

        assertThat(storage.getJobById(id).getState()).isEqualTo(StateName.DELETED);
    }
}
