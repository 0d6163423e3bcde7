package city.beacon.api.audit;

import city.beacon.api.incident.IncidentView;

import java.time.Instant;

/** An incident as it stood at {@code at}: the state after every event up to stream position {@code position}. */
public record IncidentAtView(Instant at, long position, IncidentView incident) {
}
