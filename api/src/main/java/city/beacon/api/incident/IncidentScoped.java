package city.beacon.api.incident;

/**
 * An event about one incident: the incident's own events and those of its tasks. Read models and live feeds group
 * work by it, so everything about one incident is handled in order.
 */
public interface IncidentScoped {
    IncidentId incidentId();
}
