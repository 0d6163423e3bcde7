package city.beacon.api.incident;

import java.time.Instant;

/** One issued public warning of an incident. */
public record PublicWarningView(String alertIdentifier, AlertKind kind, Instant issuedAt) {
}
