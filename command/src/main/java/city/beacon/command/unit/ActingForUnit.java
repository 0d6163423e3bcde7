package city.beacon.command.unit;

import city.beacon.api.common.Actor;
import city.beacon.api.common.Department;
import city.beacon.api.common.NotPermittedException;
import city.beacon.api.common.RuleViolationException;

import java.util.Locale;

/**
 * Who may move a department's unit: its own liaisons and its own system; operators and admins on the department's
 * behalf; auditors never. Beacon itself (a system actor without a department) only releases units whose task ended.
 */
final class ActingForUnit {
    private ActingForUnit() { }

    /** @return the user id recorded as {@code by} on the event */
    static String require(Actor by, Department department, String action, boolean beaconItselfMay) {
        if (by == null) {
            throw new RuleViolationException("by", "by is required");
        }
        boolean permitted = switch (by.role()) {
            case OPERATOR, ADMIN -> true;
            case LIAISON -> department.equals(by.department());
            case SYSTEM -> by.department() == null ? beaconItselfMay : department.equals(by.department());
            case AUDITOR -> false;
        };
        if (!permitted) {
            throw new NotPermittedException(describe(by) + " may not " + action + " a unit of " + department);
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
