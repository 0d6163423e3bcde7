package city.beacon.query.audit;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/**
 * The keys of the audit index: every question an auditor asks across the stream becomes an equality or {@code $in}
 * on {@code _id}, the only lookups the embedded server answers without reading the whole collection (DESIGN §4).
 */
public final class AuditKeys {
    private static final DateTimeFormatter HOUR = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(ZoneOffset.UTC);
    /** The document holding the time of the first event, so a search backwards knows where to stop. */
    public static final String SPAN = "span";

    private AuditKeys() { }

    /** Positions of an incident's own events, its tasks', units assigned to it and alarms linked to it. */
    public static String incident(String incidentId) {
        return "i:" + incidentId;
    }

    /** Positions (with their times) of every event in one hour. */
    public static String hour(Instant hour) {
        return "h:" + HOUR.format(hour);
    }

    public static String actorHour(String userId, Instant hour) {
        return "ha:" + HOUR.format(hour) + ":" + userId;
    }

    public static String departmentHour(String department, Instant hour) {
        return "hd:" + HOUR.format(hour) + ":" + department;
    }

    public static String typeHour(String type, Instant hour) {
        return "ht:" + HOUR.format(hour) + ":" + type;
    }

    /** The highest position of one day, to step back over hours without events. */
    public static String day(Instant day) {
        return "d:" + DAY.format(day);
    }

    public static String event(String eventId) {
        return "e:" + eventId;
    }

    public static String causation(String causationId) {
        return "c:" + causationId;
    }

    /** Positions of the events a stored event led to (see AuditEvent.triggerEventId). */
    public static String trigger(String eventId) {
        return "t:" + eventId;
    }

    public static String correlation(String correlationId) {
        return "r:" + correlationId;
    }

    /** Positions of a sensor's alarms, to find the alarm a link to an incident followed. */
    public static String sensorAlarms(String sensorId) {
        return "sa:" + sensorId;
    }

    public static Instant hourOf(Instant time) {
        return time.truncatedTo(ChronoUnit.HOURS);
    }

    public static Instant dayOf(Instant time) {
        return time.truncatedTo(ChronoUnit.DAYS);
    }

    /** An event type as filters and responses name it: the class's simple name without "Event". */
    public static String typeName(String simpleOrFullName) {
        String simple = simpleOrFullName.substring(simpleOrFullName.lastIndexOf('.') + 1);
        return simple.endsWith("Event") ? simple.substring(0, simple.length() - "Event".length()) : simple;
    }
}
