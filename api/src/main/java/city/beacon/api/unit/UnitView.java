package city.beacon.api.unit;

import java.time.Instant;

/**
 * One unit as the console lists it.
 * @param taskId the task it serves, and @param incidentId that task's incident (null while free)
 * @param since when it entered its current status; @param lastBy who last changed it
 * @param version the sequence number of the unit's last applied event
 */
public record UnitView(String id, String department, String kind, String name, UnitStatus status, String taskId,
                       String incidentId, String lastNote, String lastBy, Instant since, Instant registeredAt,
                       long version) {
}
