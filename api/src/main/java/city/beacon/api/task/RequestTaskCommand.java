package city.beacon.api.task;

import city.beacon.api.common.Department;
import city.beacon.api.incident.IncidentId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/** Asks one department to do one thing for one incident, acknowledged by a deadline. */
public record RequestTaskCommand(@TargetAggregateIdentifier TaskId taskId, IncidentId incidentId,
                                 Department department, String action, Priority priority, Instant acknowledgeBy) {
}
