package city.beacon.command.task;

import city.beacon.command.Fields;

import city.beacon.api.common.Actor;
import city.beacon.api.common.Department;
import city.beacon.api.common.NotPermittedException;

import java.util.Locale;

/**
 * Who may act on a department's task (DESIGN §8): its own liaisons and its own system; operators and admins on
 * the department's behalf (it phoned the command center); auditors and Beacon's own processes never.
 */
final class ActingForDepartment {
    private ActingForDepartment() { }

    /** @return the user id recorded as {@code by} on the event */
    static String require(Actor by, Department department, String action) {
        Fields.require(by, "by");
        boolean permitted = switch (by.role()) {
            case OPERATOR, ADMIN -> true;
            case LIAISON, SYSTEM -> department.equals(by.department());
            case AUDITOR -> false;
        };
        if (!permitted) {
            throw new NotPermittedException(describe(by) + " may not " + action + " a task of " + department);
        }
        return by.userId();
    }

    private static String describe(Actor by) {
        return switch (by.role()) {
            case LIAISON -> "a liaison of " + by.department();
            case SYSTEM -> by.department() == null ? "Beacon itself" : "the system of " + by.department();
            default -> "an " + by.role().name().toLowerCase(Locale.ROOT);
        };
    }
}
