package city.beacon.web.incident;

import city.beacon.api.incident.*;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** What an operator types to report an incident; urgency and certainty default to UNKNOWN. */
public record ReportIncidentRequest(
        @NotNull IncidentType type,
        @NotNull Severity severity,
        Urgency urgency,
        Certainty certainty,
        @NotNull @Valid LocationRequest location,
        @NotBlank @Size(max = 500) String summary,
        boolean drill) {

    ReportIncidentCommand toCommand(IncidentId id, String reporter) {
        return new ReportIncidentCommand(id, type, severity, urgency, certainty, location.toLocation(), summary,
                IncidentSource.operator(reporter), drill);
    }
}
