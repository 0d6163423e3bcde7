package city.beacon.command.incident;

import city.beacon.api.incident.IncidentNumber;

import java.time.Instant;

/**
 * Hands out the short incident numbers. The sequence restarts each day in the city's time zone and must stay
 * unique when several operators (or nodes) report at the same moment, so it lives in the store, not here.
 */
public interface IncidentNumbers {
    IncidentNumber next(Instant reportedAt);
}
