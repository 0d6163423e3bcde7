package city.beacon.infra.deadline;

import org.jobrunr.jobs.details.JobDetailsGenerator;
import org.jobrunr.storage.JobNotFoundException;
import org.jobrunr.storage.StorageProvider;
import org.jobrunr.scheduling.JobScheduler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.UUID;

/**
 * JobRunr's scheduler, except that cancelling a deadline whose job does not exist is a no-op. A saga is stored before
 * the deadline job it scheduled (no transactions), so a node that dies between the two leaves the saga holding the id
 * of a job that was never written; cancelling it then threw JobNotFoundException in the saga's unit of work, and the
 * processor retried that batch forever (seen in TwoNodesIT after the kill). What cancelling asks for — no such job —
 * is already true.
 */
final class ForgivingJobScheduler extends JobScheduler {
    private static final Logger log = LoggerFactory.getLogger(ForgivingJobScheduler.class);

    ForgivingJobScheduler(StorageProvider storage, JobDetailsGenerator details) {
        super(storage, details, List.of());
    }

    @Override
    public void delete(UUID id) {
        try {
            super.delete(id);
        } catch (JobNotFoundException gone) {
            log.info("deadline job {} to cancel does not exist (never written, or deleted): nothing to cancel", id);
        }
    }

    @Override
    public void delete(UUID id, String reason) {
        try {
            super.delete(id, reason);
        } catch (JobNotFoundException gone) {
            log.info("deadline job {} to cancel does not exist (never written, or deleted): nothing to cancel", id);
        }
    }
}
