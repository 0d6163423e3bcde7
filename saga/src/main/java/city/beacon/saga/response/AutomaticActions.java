package city.beacon.saga.response;

import city.beacon.api.common.Department;
import city.beacon.api.incident.IncidentSource;

import java.util.Optional;

/**
 * What a department does at once, without waiting for an operator, for an incident from a given source: e.g. a
 * gas-pressure sensor whose utility can close a remote valve ("Close valve V-0117"). The response saga requests it
 * as the incident's first task; it then stands for that department's plan line, so the department is tasked once.
 */
public interface AutomaticActions {
    Optional<AutomaticAction> forSource(IncidentSource source);

    AutomaticActions NONE = source -> Optional.empty();

    record AutomaticAction(Department department, String action) {
    }
}
