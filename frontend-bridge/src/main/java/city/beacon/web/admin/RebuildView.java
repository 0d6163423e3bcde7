package city.beacon.web.admin;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.Instant;

/**
 * A rebuild's progress.
 *
 * @param done            the position the new generation has applied through (its slowest segment)
 * @param total           the event store's current head, so done ≤ total; it grows while events arrive
 * @param eventsPerSecond events applied per second since the rebuild started (or resumed) on its node
 * @param etaSeconds      (total - done) / eventsPerSecond; null until a rate is known
 */
public record RebuildView(int generation, Instant startedAt, long done, long total, double eventsPerSecond,
                          @JsonInclude(JsonInclude.Include.ALWAYS) Double etaSeconds) {
}
