package city.beacon.api.incident;

import city.beacon.api.common.Require;

/** Who or what told Beacon about the incident; reference is e.g. the sensor id or the CAP alert identifier. */
public record IncidentSource(SourceKind kind, String reference) {
    public IncidentSource {
        Require.present(kind, "source kind");
    }

    public static IncidentSource operator(String userId) {
        return new IncidentSource(SourceKind.OPERATOR, userId);
    }
}
