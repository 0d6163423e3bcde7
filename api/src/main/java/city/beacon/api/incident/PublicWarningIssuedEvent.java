package city.beacon.api.incident;

import java.time.Instant;
import java.util.List;

/**
 * A public warning went out as a CAP alert. @param references the identifiers of the incident's earlier alerts,
 * oldest first (empty for the first)
 */
public record PublicWarningIssuedEvent(IncidentId incidentId, String alertIdentifier, AlertKind kind,
                                       List<String> references, Instant issuedAt) implements IncidentScoped {
}
