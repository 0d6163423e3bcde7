package city.beacon.web.department;

import java.time.Instant;

import java.time.Instant;

/**
 * How Beacon reaches one department right now ({@code GET /api/admin/departments}, the {@code departments} health
 * details, the console's admin area).
 *
 * @param hasSystem         whether the department has a webhook; without one it works in Beacon's console only
 * @param circuit           its circuit breaker: CLOSED, OPEN or HALF_OPEN; null while it has no system
 * @param pending           notices not yet delivered, the one being tried included
 * @param oldestPendingSince when the oldest of them was issued
 * @param triesOfOldest     tries so far of the oldest
 * @param lastSuccessAt     the last delivery its system accepted (since this start)
 * @param lastFailureAt     the last try that failed
 * @param lastFailure       why it failed
 */
public record DepartmentStatus(String department, boolean hasSystem, String circuit, int pending,
                               Instant oldestPendingSince, int triesOfOldest, Instant lastSuccessAt,
                               Instant lastFailureAt, String lastFailure) {
}
