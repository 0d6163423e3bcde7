package city.beacon.infra.plan;

import city.beacon.api.common.Department;
import city.beacon.api.incident.IncidentType;
import city.beacon.api.incident.Severity;
import city.beacon.api.plan.PlanLine;
import city.beacon.api.plan.ResponsePlan;
import city.beacon.saga.response.ResponsePlans;

import java.time.Duration;
import java.util.*;

import static city.beacon.api.task.EscalationStep.BACKUP_DEPARTMENT;

/** The validated plans: every incident type × severity resolves to exactly one plan, or Beacon does not start. */
public final class ConfiguredResponsePlans implements ResponsePlans {
    private final Map<IncidentType, Map<Severity, ResponsePlan>> plans;

    private ConfiguredResponsePlans(Map<IncidentType, Map<Severity, ResponsePlan>> plans) {
        this.plans = plans;
    }

    /** @throws InvalidResponsePlansException naming every problem and where it is */
    public static ConfiguredResponsePlans from(PlansProperties properties, Set<Department> knownDepartments) {
        var problems = new ArrayList<String>();
        int version = properties.version() == null ? 0 : properties.version();
        if (!(properties.timeScale() > 0 && properties.timeScale() <= 1)) {
            problems.add("time-scale must be above 0 and at most 1: " + properties.timeScale());
        }
        if (version < 1) {
            problems.add("version is missing (a whole number, raised whenever the plans change)");
        }
        var entries = new EnumMap<IncidentType, Map<Severity, PlansProperties.Entry>>(IncidentType.class);
        var places = new IdentityHashMap<PlansProperties.Entry, String>();   // two equal entries are still two places
        for (int i = 0; i < properties.plans().size(); i++) {
            var entry = properties.plans().get(i);
            var place = "plans[" + i + "]" + (entry.type() == null ? "" : " " + entry.type());
            places.put(entry, place);
            if (entry.type() == null) {
                problems.add(place + ": type is missing");
                continue;
            }
            if (entry.severities().isEmpty()) {
                problems.add(place + ": severities are missing");
            }
            for (var severity : entry.severities()) {
                var previous = entries.computeIfAbsent(entry.type(), t -> new EnumMap<>(Severity.class))
                        .put(severity, entry);
                if (previous != null) {
                    problems.add(place + ": " + entry.type() + "/" + severity + " is also planned in "
                            + places.get(previous));
                }
            }
        }
        var resolved = new EnumMap<IncidentType, Map<Severity, ResponsePlan>>(IncidentType.class);
        for (var type : IncidentType.values()) {
            for (var severity : Severity.values()) {
                var entry = entries.getOrDefault(type, Map.of()).get(severity);
                if (entry == null) {
                    problems.add(type + "/" + severity + " has no plan");
                    continue;
                }
                var lines = scaled(linesOf(entry, entries.get(type), places, knownDepartments, problems),
                        properties.timeScale());
                resolved.computeIfAbsent(type, t -> new EnumMap<>(Severity.class))
                        .put(severity, new ResponsePlan(type + "/" + severity, version, type, severity, lines));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidResponsePlansException(problems.stream().distinct().toList());
        }
        return new ConfiguredResponsePlans(resolved);
    }

    /** Compresses deadlines for drills shown to newcomers and for tests; 1 (the default) in operations. */
    private static List<PlanLine> scaled(List<PlanLine> lines, double timeScale) {
        if (timeScale == 1.0) {
            return lines;
        }
        return lines.stream().map(line -> new PlanLine(line.department(), line.action(), line.priority(),
                line.acknowledgeWithin() == null ? null
                        : Duration.ofMillis(Math.max(1000, Math.round(line.acknowledgeWithin().toMillis() * timeScale))),
                line.backup(), line.escalation())).toList();
    }

    private static List<PlanLine> linesOf(PlansProperties.Entry entry, Map<Severity, PlansProperties.Entry> sameType,
                                          Map<PlansProperties.Entry, String> places, Set<Department> known,
                                          List<String> problems) {
        var place = places.get(entry);
        var lines = new ArrayList<PlanLine>();
        if (entry.base() != null) {
            var base = sameType.get(entry.base());
            if (base == null || base == entry || base.base() != null) {
                problems.add(place + ": base " + entry.base() + " must name another severity of "
                        + entry.type() + " that has its own lines");
            } else {
                lines.addAll(PlanLines.validated(base, places.get(base), known, problems));
            }
        }
        lines.addAll(PlanLines.validated(entry, place, known, problems));
        if (lines.isEmpty()) {
            problems.add(place + ": lines are missing: the plan would dispatch no one");
        }
        var departments = new HashSet<Department>();
        for (var line : lines) {
            if (line.department() != null && !departments.add(line.department())) {
                problems.add(place + ": " + line.department() + " has two lines; give it one task per plan");
            }
        }
        return lines;
    }

    @Override
    public ResponsePlan planFor(IncidentType type, Severity severity) {
        return plans.get(type).get(severity);
    }

    /** Every plan, by type then severity (most severe first). */
    public List<ResponsePlan> all() {
        var all = new ArrayList<ResponsePlan>();
        plans.values().forEach(bySeverity -> {
            var list = new ArrayList<>(bySeverity.values());
            Collections.reverse(list);
            all.addAll(list);
        });
        return all;
    }

    /** Checks and converts the lines of one entry. */
    private static final class PlanLines {
        static List<PlanLine> validated(PlansProperties.Entry entry, String place, Set<Department> known,
                                        List<String> problems) {
            var lines = new ArrayList<PlanLine>();
            for (int i = 0; i < entry.lines().size(); i++) {
                var line = entry.lines().get(i);
                var where = place + " lines[" + i + "]";
                var department = department(line.department(), "department", where, known, problems);
                if (line.action() == null || line.action().isBlank()) {
                    problems.add(where + ": action is empty");
                }
                if (line.acknowledgeWithin() == null) {
                    problems.add(where + ": acknowledge-within (the acknowledgment deadline, e.g. 2m) is missing");
                } else if (line.acknowledgeWithin().isNegative() || line.acknowledgeWithin().isZero()) {
                    problems.add(where + ": acknowledge-within must be positive");
                }
                if (line.priority() == null) {
                    problems.add(where + ": priority is missing");
                }
                if (line.escalation().isEmpty()) {
                    problems.add(where + ": escalation is missing (e.g. [RENOTIFY, DUTY_SUPERVISOR, RAISE_SEVERITY])");
                }
                var backup = line.backup() == null ? null
                        : department(line.backup(), "backup", where, known, problems);
                if (backup == null && line.escalation().contains(BACKUP_DEPARTMENT)) {
                    problems.add(where + ": escalation has BACKUP_DEPARTMENT but the line names no backup");
                }
                if (backup != null && backup.equals(department)) {
                    problems.add(where + ": backup must be another department than " + department);
                }
                lines.add(new PlanLine(department, line.action() == null ? null : line.action().strip(),
                        line.priority(), line.acknowledgeWithin(), backup, line.escalation()));
            }
            return lines;
        }

        private static Department department(String code, String field, String where, Set<Department> known,
                                             List<String> problems) {
            if (code == null || code.isBlank()) {
                problems.add(where + ": " + field + " is missing");
                return null;
            }
            try {
                var department = Department.of(code);
                if (known.contains(department)) {
                    return department;
                }
            } catch (IllegalArgumentException malformed) {
                // reported below like any other unknown code
            }
            problems.add(where + ": unknown department code '" + code + "' in " + field + " (known: "
                    + known.stream().map(Department::code).sorted().toList() + ")");
            return null;
        }
    }
}
