package city.beacon.api.incident;

import city.beacon.api.common.Require;

/**
 * Who or what told Beacon about the incident; reference is e.g. the sensor id or the CAP alert identifier.
 * {@code externalEvent} is the event an external alert named, in the sender's words (CAP {@code <event>}), kept
 * because Beacon's type for it may be the general OTHER; null for every other source and in older events.
 */
public record IncidentSource(SourceKind kind, String reference, String externalEvent) {
    public IncidentSource {
        Require.present(kind, "source kind");
    }

    public IncidentSource(SourceKind kind, String reference) {
        this(kind, reference, null);
    }

    public static IncidentSource operator(String userId) {
        return new IncidentSource(SourceKind.OPERATOR, userId);
    }
}
