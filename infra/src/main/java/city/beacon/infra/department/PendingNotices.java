package city.beacon.infra.department;

import java.util.List;

/**
 * Where pending notices are kept until settled, so that a restart resumes them instead of losing them. Each call is
 * a short write or read of Beacon's own store, never a wait on a department.
 */
interface PendingNotices {

    /** Keeps it unless a notice with the same idempotency key is kept already (the same notice derived again). */
    void add(PendingNotice notice);

    void remove(String idempotencyKey);

    /** Every kept notice, in no particular order. */
    List<PendingNotice> all();
}
