package city.beacon.api.incident;

import java.time.Instant;

/** One incident as the read side knows it. */
public record IncidentView(String id, String number, IncidentType type, Severity severity, Urgency urgency,
                           Certainty certainty, IncidentStatus status, Location location, String summary,
                           IncidentSource source, boolean drill, String reportedBy, Instant reportedAt,
                           Instant lastChangedAt, String mergedInto, String cancelReason, String resolution,
                           long version) {
}
