package city.beacon.infra.plan;

import city.beacon.api.common.Department;
import city.beacon.api.incident.IncidentType;
import city.beacon.api.incident.Severity;
import city.beacon.api.plan.PlanLine;
import city.beacon.api.task.EscalationStep;
import city.beacon.api.task.Priority;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.io.ClassPathResource;

import java.io.IOException;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;

import static city.beacon.api.task.EscalationStep.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

/** The default plans shipped in plans.yml, and the start-up check that guards every plan file. */
class ResponsePlansTest {
    static final HashSet<Department> KNOWN = new HashSet<>(Department.STANDARD);

    static PlansProperties shippedPlans() throws IOException {
        var sources = new YamlPropertySourceLoader().load("plans.yml", new ClassPathResource("plans.yml"));
        return new Binder(ConfigurationPropertySources.from(sources))
                .bind("beacon.plans", PlansProperties.class).get();
    }

    @Test
    void everyIncidentTypeAndSeverityResolvesToAPlan() throws IOException {
        var plans = ConfiguredResponsePlans.from(shippedPlans(), KNOWN);
        for (var type : IncidentType.values()) {
            for (var severity : Severity.values()) {
                var plan = plans.planFor(type, severity);
                assertThat(plan.type()).isEqualTo(type);
                assertThat(plan.severity()).isEqualTo(severity);
                assertThat(plan.version()).isEqualTo(1);
                assertThat(plan.lines()).as(type + "/" + severity).isNotEmpty()
                        .allSatisfy(line -> assertThat(line.escalation()).startsWith(RENOTIFY, DUTY_SUPERVISOR));
            }
        }
        assertThat(plans.all()).hasSize(IncidentType.values().length * Severity.values().length);
    }

    @Test
    void aSevereGasLeakDispatchesTheSixDepartmentsOfTheReferenceScenario() throws IOException {
        var plan = ConfiguredResponsePlans.from(shippedPlans(), KNOWN).planFor(IncidentType.GAS_LEAK, Severity.SEVERE);
        assertThat(plan.lines())
                .extracting(PlanLine::department, PlanLine::action, PlanLine::acknowledgeWithin)
                .containsExactly(
                        tuple(Department.GAS_UTILITY, "Isolate the segment and repair", Duration.ofMinutes(2)),
                        tuple(Department.FIRE, "Stand by against ignition", Duration.ofMinutes(1)),
                        tuple(Department.POLICE, "Cordon 200 m and evacuate", Duration.ofMinutes(3)),
                        tuple(Department.TRAFFIC, "Divert traffic", Duration.ofMinutes(5)),
                        tuple(Department.MEDICAL, "Ambulance standby", Duration.ofMinutes(5)),
                        tuple(Department.ENVIRONMENT, "Monitor air quality", Duration.ofMinutes(10)));
        assertThat(plan.lines().get(0)).isEqualTo(new PlanLine(Department.GAS_UTILITY,
                "Isolate the segment and repair", Priority.CRITICAL, Duration.ofMinutes(2), Department.PUBLIC_WORKS,
                List.of(RENOTIFY, DUTY_SUPERVISOR, BACKUP_DEPARTMENT, RAISE_SEVERITY)));
        assertThat(plan.lines().get(3).backup()).isEqualTo(Department.POLICE);
    }

    @Test
    void aMinorGasLeakDispatchesFewerAndAnExtremeOneMore() throws IOException {
        var plans = ConfiguredResponsePlans.from(shippedPlans(), KNOWN);
        assertThat(plans.planFor(IncidentType.GAS_LEAK, Severity.MINOR).lines()).extracting(PlanLine::department)
                .containsExactly(Department.GAS_UTILITY, Department.FIRE);
        var severe = plans.planFor(IncidentType.GAS_LEAK, Severity.SEVERE).lines();
        var extreme = plans.planFor(IncidentType.GAS_LEAK, Severity.EXTREME).lines();
        assertThat(extreme).startsWith(severe.toArray(PlanLine[]::new)).hasSizeGreaterThan(severe.size());
        assertThat(plans.planFor(IncidentType.GAS_LEAK, Severity.UNKNOWN).lines())
                .isEqualTo(plans.planFor(IncidentType.GAS_LEAK, Severity.MODERATE).lines());
    }

    @Test
    void mistakesStopStartUpNamingTheLine() {
        var line = new PlansProperties.Line("FIER", " ", Priority.HIGH, null, null, List.of(RENOTIFY, BACKUP_DEPARTMENT));
        var entries = new java.util.ArrayList<PlansProperties.Entry>();
        entries.add(new PlansProperties.Entry(IncidentType.GAS_LEAK, List.of(Severity.SEVERE), null, List.of(line)));
        var properties = new PlansProperties(1, entries, null);

        assertThatThrownBy(() -> ConfiguredResponsePlans.from(properties, KNOWN))
                .isInstanceOf(InvalidResponsePlansException.class)
                .hasMessageContaining("plans[0] GAS_LEAK lines[0]: unknown department code 'FIER' in department")
                .hasMessageContaining("plans[0] GAS_LEAK lines[0]: action is empty")
                .hasMessageContaining("plans[0] GAS_LEAK lines[0]: acknowledge-within (the acknowledgment deadline")
                .hasMessageContaining("BACKUP_DEPARTMENT but the line names no backup")
                .hasMessageContaining("GAS_LEAK/MINOR has no plan")
                .hasMessageContaining("FIRE/EXTREME has no plan");
    }

    @Test
    void aTypeAndSeverityPlannedTwiceIsRefused() throws IOException {
        var shipped = shippedPlans();
        var entries = new java.util.ArrayList<>(shipped.plans());
        var first = entries.get(0);
        entries.add(new PlansProperties.Entry(first.type(), first.severities(), first.base(), first.lines()));
        assertThatThrownBy(() -> ConfiguredResponsePlans.from(new PlansProperties(1, entries, null), KNOWN))
                .hasMessageContaining("GAS_LEAK/MINOR is also planned in plans[0]");
    }

    @Test
    void theDocumentedTableShowsEveryShippedAction() throws IOException {
        var documented = java.nio.file.Files.readString(java.nio.file.Path.of("../docs/response-plans.md"));
        var plans = ConfiguredResponsePlans.from(shippedPlans(), KNOWN);
        assertThat(plans.all()).flatExtracting(plan -> plan.lines()).allSatisfy(line ->
                assertThat(documented).contains("| " + line.department() + " | " + line.action() + " |"));
    }

    @Test
    void everyLineNamesAKnownDepartmentAndBackup() throws IOException {
        var plans = ConfiguredResponsePlans.from(shippedPlans(), KNOWN);
        assertThat(plans.all()).flatExtracting(plan -> plan.lines()).allSatisfy(line -> {
            assertThat(KNOWN).contains(line.department());
            if (line.escalation().contains(EscalationStep.BACKUP_DEPARTMENT)) {
                assertThat(KNOWN).contains(line.backup());
            }
        });
    }
}
