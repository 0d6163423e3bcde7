package city.beacon.infra.department;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Pending notices in memory only: for a notifier without Beacon's store around it (tests, tools). */
final class MemoryPendingNotices implements PendingNotices {
    private final Map<String, PendingNotice> kept = new ConcurrentHashMap<>();

    @Override
    public void add(PendingNotice notice) {
        kept.putIfAbsent(notice.key(), notice);
    }

    @Override
    public void remove(String idempotencyKey) {
        kept.remove(idempotencyKey);
    }

    @Override
    public List<PendingNotice> all() {
        return new ArrayList<>(kept.values());
    }
}
