package city.beacon.web.incident;

import city.beacon.api.incident.Certainty;
import city.beacon.api.incident.IncidentType;
import city.beacon.api.incident.Severity;
import city.beacon.api.incident.Urgency;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Size;

/** Only the scales that change need be sent. */
public record ReclassifyRequest(IncidentType type, Severity severity, Urgency urgency, Certainty certainty,
                                @Size(max = 500) String reason) {

    @AssertTrue(message = "name at least one of type, severity, urgency, certainty")
    public boolean isChangingSomething() {
        return type != null || severity != null || urgency != null || certainty != null;
    }
}
