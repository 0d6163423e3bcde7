package city.beacon.infra.response;

import city.beacon.saga.notify.DepartmentNotifier;
import city.beacon.saga.notify.TaskNotice;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Used only while no department adapter is configured (e.g. the webhook adapter): departments then work from
 * Beacon's console alone, and the notices are written to the log so an operator can see what would have been sent.
 */
public class LoggingDepartmentNotifier implements DepartmentNotifier {
    private static final Logger LOG = LoggerFactory.getLogger(LoggingDepartmentNotifier.class);

    @Override
    public void notify(TaskNotice notice) {
        LOG.info("{} for {} (task {}, incident {}): {} — no department system connected, console only",
                notice.kind(), notice.department(), notice.taskId(), notice.incidentId(), notice.action());
    }
}
