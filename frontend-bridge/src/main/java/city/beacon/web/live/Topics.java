package city.beacon.web.live;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The live feed's destinations (docs/live-feed.md). */
public final class Topics {
    public static final String BOARD = "/topic/board";
    public static final String UNITS = "/topic/units";
    /** Whether the store answers: the console's "store unreachable" banner (docs/operations.md). */
    public static final String STATUS = "/topic/status";
    private static final Pattern INCIDENT = Pattern.compile("/topic/incidents/([A-Za-z0-9-]{1,64})");
    private static final Pattern DEPARTMENT_TASKS = Pattern.compile("/topic/departments/([A-Z][A-Z0-9_]{1,39})/tasks");

    private Topics() { }

    public static String incident(String incidentId) {
        return "/topic/incidents/" + incidentId;
    }

    public static String departmentTasks(String departmentCode) {
        return "/topic/departments/" + departmentCode + "/tasks";
    }

    /** The incident id of an incident topic, or null. */
    public static String incidentOf(String destination) {
        Matcher m = destination == null ? null : INCIDENT.matcher(destination);
        return m != null && m.matches() ? m.group(1) : null;
    }

    /** The department code of a department-queue topic, or null. */
    public static String departmentOf(String destination) {
        Matcher m = destination == null ? null : DEPARTMENT_TASKS.matcher(destination);
        return m != null && m.matches() ? m.group(1) : null;
    }
}
