package city.beacon.api.incident;

import java.time.Instant;

/**
 * One line of an incident's history: when, who (user and role), what. {@code kind} names the event (e.g.
 * "TaskAcknowledged") so a console can translate the line; {@code text} is the English rendering.
 */
public record TimelineEntry(String eventId, Instant at, String actorId, String actorRole, String kind, String text) {
}
