package city.beacon.command;

import city.beacon.api.common.Actor;
import city.beacon.api.common.Department;
import city.beacon.api.common.NotPermittedException;

import java.util.Locale;

/**
 * Who may act on a department's task or unit: its own liaisons and its own system; operators and admins on the
 * department's behalf (it phoned the command center); auditors never. Beacon itself (a system actor without a
 * department) only where the rule says so, e.g. releasing a unit whose task ended.
 */
public final class ActingForDepartment {
    /** What Beacon's own processes may do on a department's behalf. */
    public enum BeaconItself { MAY, MAY_NOT }

    private ActingForDepartment() { }

    /**
     * @param what what is acted on, as the refusal names it, e.g. "a task" or "a unit"
     * @return the user id recorded as {@code by} on the event
     */
    public static String require(Actor by, Department department, String action, String what,
                                 BeaconItself beaconItself) {
        Fields.require(by, "by");
        boolean permitted = switch (by.role()) {
            case OPERATOR, ADMIN -> true;
            case LIAISON -> department.equals(by.department());
            case SYSTEM -> by.department() == null
                    ? beaconItself == BeaconItself.MAY
                    : department.equals(by.department());
            case AUDITOR -> false;
        };
        if (!permitted) {
            throw new NotPermittedException(describe(by) + " may not " + action + " " + what + " of " + department);
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
