package city.beacon.infra.department;

import city.beacon.saga.notify.TaskNotice;

import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.fail;

/** Keeps outcomes in memory, in the order they were reported. */
final class RecordingOutcomes implements NotificationOutcomes {
    private final BlockingQueue<Outcome> outcomes = new LinkedBlockingQueue<>();

    record Outcome(TaskNotice notice, String recipient, int attempts, boolean delivered, String reason,
                   String thread) {
    }

    @Override
    public void delivered(TaskNotice notice, String recipient, int attempts) {
        outcomes.add(new Outcome(notice, recipient, attempts, true, null, Thread.currentThread().getName()));
    }

    @Override
    public void failed(TaskNotice notice, String recipient, int attempts, String reason) {
        outcomes.add(new Outcome(notice, recipient, attempts, false, reason, Thread.currentThread().getName()));
    }

    Outcome next(Duration within) {
        try {
            Outcome outcome = outcomes.poll(within.toMillis(), TimeUnit.MILLISECONDS);
            if (outcome == null) {
                fail("no outcome within " + within);
            }
            return outcome;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    boolean isEmpty() {
        return outcomes.isEmpty();
    }
}
