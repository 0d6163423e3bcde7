package city.beacon.saga.response;

import city.beacon.api.common.Department;
import city.beacon.api.incident.IncidentType;
import city.beacon.api.incident.Severity;
import city.beacon.api.plan.PlanLine;
import city.beacon.api.plan.ResponsePlan;
import city.beacon.api.task.EscalationStep;
import city.beacon.api.task.Priority;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static city.beacon.api.task.EscalationStep.*;

/** A fixed plan table for the saga's tests, independent of the configured defaults. */
final class TestPlans implements ResponsePlans {
    static final List<EscalationStep> FULL_CHAIN = List.of(RENOTIFY, DUTY_SUPERVISOR, BACKUP_DEPARTMENT, RAISE_SEVERITY);

    static final PlanLine GAS = line(Department.GAS_UTILITY, "Isolate the segment and repair", Priority.CRITICAL, 2,
            Department.PUBLIC_WORKS, FULL_CHAIN);
    static final PlanLine FIRE = line(Department.FIRE, "Stand by against ignition", Priority.CRITICAL, 1,
            Department.ENVIRONMENT, List.of(RENOTIFY, DUTY_SUPERVISOR, BACKUP_DEPARTMENT));
    static final PlanLine POLICE = line(Department.POLICE, "Cordon 200 m and evacuate", Priority.HIGH, 3,
            null, List.of(RENOTIFY, DUTY_SUPERVISOR, RAISE_SEVERITY));
    static final PlanLine TRAFFIC = line(Department.TRAFFIC, "Divert traffic", Priority.HIGH, 5,
            Department.POLICE, List.of(RENOTIFY, DUTY_SUPERVISOR, BACKUP_DEPARTMENT));
    static final PlanLine MEDICAL = line(Department.MEDICAL, "Ambulance standby", Priority.HIGH, 5,
            null, List.of(RENOTIFY, DUTY_SUPERVISOR));
    static final PlanLine ENVIRONMENT = line(Department.ENVIRONMENT, "Monitor air quality", Priority.NORMAL, 10,
            null, List.of(RENOTIFY, DUTY_SUPERVISOR));
    static final PlanLine SHELTER = line(Department.CIVIL_AFFAIRS, "Open an evacuation shelter", Priority.HIGH, 10,
            null, List.of(RENOTIFY, DUTY_SUPERVISOR));

    static final List<PlanLine> SEVERE_LINES = List.of(GAS, FIRE, POLICE, TRAFFIC, MEDICAL, ENVIRONMENT);

    @Override
    public ResponsePlan planFor(IncidentType type, Severity severity) {
        var lines = switch (severity) {
            case MINOR -> List.of(GAS, FIRE);
            case UNKNOWN, MODERATE -> List.of(GAS, FIRE, POLICE);
            case SEVERE -> SEVERE_LINES;
            case EXTREME -> {
                var extreme = new ArrayList<>(SEVERE_LINES);
                extreme.add(SHELTER);
                yield extreme;
            }
        };
        return new ResponsePlan(type + "/" + severity, 1, type, severity, lines);
    }

    private static PlanLine line(Department department, String action, Priority priority, int minutes,
                                 Department backup, List<EscalationStep> chain) {
        return new PlanLine(department, action, priority, Duration.ofMinutes(minutes), backup, chain);
    }
}
