package city.beacon.infra.department;

import city.beacon.saga.notify.TaskNotice;

import java.net.URI;
import java.time.Instant;

/**
 * A notice accepted for delivery and not yet settled (delivered, refused or given up).
 *
 * @param webhook  where it goes (the department's, or its duty supervisor's)
 * @param issuedAt when Beacon issued it; the give-up age counts from here, across restarts
 * @param sequence issue order: a department receives its notices in this order
 */
record PendingNotice(TaskNotice notice, URI webhook, Instant issuedAt, long sequence) {

    String key() {
        return notice.idempotencyKey();
    }
}
