package city.beacon.infra.department;

import city.beacon.api.common.Department;

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

    static DepartmentStatus of(Department department, boolean hasSystem, String circuit,
                               DepartmentLine.Snapshot line) {
        if (line == null) {
            return new DepartmentStatus(department.code(), hasSystem, circuit, 0, null, 0, null, null, null);
        }
        return new DepartmentStatus(department.code(), hasSystem, circuit, line.pending(), line.oldestIssuedAt(),
                line.triesOfOldest(), line.lastSuccessAt(), line.lastFailureAt(), line.lastFailure());
    }
}
