package city.beacon.infra.fault;

import city.beacon.infra.support.Http;
import com.fasterxml.jackson.databind.JsonNode;
import org.awaitility.core.ConditionTimeoutException;

import java.time.Duration;

import static org.awaitility.Awaitility.await;

/**
 * A node's read-model processors seen from outside, through the admin hooks of the {@code bench} profile
 * ({@code /api/admin/bench/processors}, {@code /replay}): where they are against the store's head, and a full rebuild.
 */
final class Processors {
    private final Http admin;

    Processors(Http admin) {
        this.admin = admin;
    }

    /** The store's head position now, asked until the node is free enough to answer. */
    long head() {
        return await().atMost(Duration.ofSeconds(60)).until(() -> statusOrNull(-1), java.util.Objects::nonNull)
                .path("head").asLong();
    }

    /** Waits until every read model has applied everything up to {@code target}. */
    void awaitCaughtUpWith(long target, Duration limit) {
        try {
            await().atMost(limit).pollInterval(Duration.ofMillis(250))
                    .until(() -> {
                        var status = statusOrNull(target);
                        return status != null && status.path("caughtUp").asBoolean();
                    });
        } catch (ConditionTimeoutException e) {
            throw new AssertionError("read models not caught up with " + target + ": " + status(target), e);
        }
    }

    /**
     * Waits until the head stopped moving and every read model has reached it (sagas and deadlines may still add
     * events after the load ends); returns that head.
     */
    long awaitQuiet(Duration limit) {
        long[] last = {-1};
        try {
            await().atMost(limit).pollInterval(Duration.ofMillis(500)).until(() -> {
                var status = statusOrNull(-1);
                if (status == null) {
                    return false;
                }
                long head = status.path("head").asLong();
                boolean quiet = head == last[0] && status.path("caughtUp").asBoolean();
                last[0] = head;
                return quiet;
            });
        } catch (ConditionTimeoutException e) {
            throw new AssertionError("the stream never fell quiet: " + status(-1), e);
        }
        return last[0];
    }

    /** Resets every read model and rebuilds it from the first event. */
    void replay() {
        // Asked again while the node is too busy to answer; a second reset before the rebuild ends changes nothing.
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1)).until(() -> {
            try {
                return admin.post("/api/admin/bench/replay", null).status() == 200;
            } catch (IllegalStateException busy) {
                return false;
            }
        });
    }

    /** The status, or null while the node is too busy to answer (a timeout, or 503 while its store circuit is open). */
    private JsonNode statusOrNull(long target) {
        try {
            var answer = admin.get("/api/admin/bench/processors?head=" + target);
            return answer.status() == 200 ? answer.json() : null;
        } catch (IllegalStateException busy) {
            return null;
        }
    }

    private JsonNode status(long target) {
        var answer = admin.get("/api/admin/bench/processors?head=" + target);
        if (answer.status() != 200) {
            throw new AssertionError("processor status: " + answer);
        }
        return answer.json();
    }
}
