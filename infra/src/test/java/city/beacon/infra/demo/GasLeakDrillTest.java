package city.beacon.infra.demo;

import city.beacon.api.incident.*;
import city.beacon.api.task.*;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The drill's script, decided against a given time and incident: no waiting, no node. */
class GasLeakDrillTest {
    static final Instant T0 = Instant.parse("2026-11-28T08:00:00Z");
    static final IncidentId ID = IncidentId.random();
    static final List<String> PLAN = List.of("GAS_UTILITY", "FIRE", "POLICE", "TRAFFIC", "MEDICAL", "ENVIRONMENT");

    final GasLeakDrill drill = new GasLeakDrill(ID, T0, 1.0);

    static IncidentView incident(IncidentStatus status, List<IncidentTaskView> tasks) {
        var report = GasLeakDrill.report(ID);
        return new IncidentView(ID.value(), "20261128-0001", report.type(), report.severity(), report.urgency(),
                report.certainty(), status, report.location(), report.summary(), report.source(), true, "beacon:demo-drill",
                T0, T0, null, null, null, false, tasks, List.of(), 1);
    }

    static IncidentTaskView task(String department, TaskStatus status, int level) {
        return new IncidentTaskView("task-" + department, department, "act", Priority.CRITICAL, status, level,
                T0.plusSeconds(60), T0, null, null, null, null, 1);
    }

    static List<IncidentTaskView> plan(TaskStatus status) {
        List<IncidentTaskView> tasks = new ArrayList<>();
        PLAN.forEach(department -> tasks.add(task(department, status, 0)));
        return tasks;
    }

    List<Object> commandsAt(int second, IncidentView incident) {
        return drill.next(T0.plusSeconds(second), incident).stream().map(DrillAction::command).toList();
    }

    @Test
    void theSensorsReportIsASevereGasLeakDrill() {
        var report = GasLeakDrill.report(ID);
        assertThat(report.drill()).isTrue();
        assertThat(report.source().kind()).isEqualTo(SourceKind.SENSOR);
        assertThat(report.severity()).isEqualTo(Severity.SEVERE);
        assertThat(report.type()).isEqualTo(IncidentType.GAS_LEAK);
    }

    @Test
    void theCommandCenterConfirmsOnceAfterAPause() {
        assertThat(commandsAt(1, incident(IncidentStatus.REPORTED, List.of()))).isEmpty();
        assertThat(commandsAt(3, incident(IncidentStatus.REPORTED, List.of()))).containsExactly(new ConfirmIncidentCommand(ID));
        assertThat(commandsAt(4, incident(IncidentStatus.REPORTED, List.of()))).isEmpty();
    }

    @Test
    void departmentsAcknowledgeOneByOneButFireWaitsUntilItsTaskEscalates() {
        commandsAt(4, incident(IncidentStatus.CONFIRMED, plan(TaskStatus.REQUESTED)));
        var acknowledged = new ArrayList<String>();
        for (int second = 5; second <= 40; second++) {
            commandsAt(second, incident(IncidentStatus.CONFIRMED, plan(TaskStatus.REQUESTED))).stream()
                    .filter(AcknowledgeTaskCommand.class::isInstance).map(AcknowledgeTaskCommand.class::cast)
                    .forEach(ack -> acknowledged.add(ack.by().department().code()));
        }
        assertThat(acknowledged).containsExactly("GAS_UTILITY", "POLICE", "MEDICAL", "TRAFFIC", "ENVIRONMENT");

        var escalated = new ArrayList<>(plan(TaskStatus.REQUESTED));
        escalated.set(1, task("FIRE", TaskStatus.ESCALATED, 1));
        assertThat(commandsAt(65, incident(IncidentStatus.RESPONDING, escalated))).isEmpty();
        var late = commandsAt(71, incident(IncidentStatus.RESPONDING, escalated));
        assertThat(late).singleElement().isInstanceOfSatisfying(AcknowledgeTaskCommand.class,
                ack -> assertThat(ack.by().userId()).isEqualTo("fire"));
    }

    @Test
    void anAcknowledgedTaskGoesEnRouteOnSceneAndIsCompletedWithAnOutcome() {
        var tasks = List.of(task("POLICE", TaskStatus.ACKNOWLEDGED, 0));
        commandsAt(10, incident(IncidentStatus.RESPONDING, tasks));
        assertThat(commandsAt(16, incident(IncidentStatus.RESPONDING, tasks)))
                .anySatisfy(c -> assertThat(c).isInstanceOfSatisfying(ReportTaskProgressCommand.class,
                        p -> assertThat(p.status()).isEqualTo(TaskStatus.EN_ROUTE)));
        var onScene = List.of(task("POLICE", TaskStatus.ON_SCENE, 0));
        commandsAt(20, incident(IncidentStatus.RESPONDING, onScene));
        assertThat(commandsAt(30, incident(IncidentStatus.RESPONDING, onScene))).singleElement()
                .isInstanceOfSatisfying(CompleteTaskCommand.class, c -> assertThat(c.outcome()).contains("cordon"));
    }

    @Test
    void onceEveryTaskHasEndedTheIncidentIsContainedResolvedAndClosed() {
        commandsAt(10, incident(IncidentStatus.RESPONDING, plan(TaskStatus.COMPLETED)));
        assertThat(commandsAt(14, incident(IncidentStatus.RESPONDING, plan(TaskStatus.COMPLETED))))
                .contains(new ContainIncidentCommand(ID));
        commandsAt(15, incident(IncidentStatus.CONTAINED, plan(TaskStatus.COMPLETED)));
        assertThat(commandsAt(20, incident(IncidentStatus.CONTAINED, plan(TaskStatus.COMPLETED))))
                .singleElement().isInstanceOf(ResolveIncidentCommand.class);
        commandsAt(21, incident(IncidentStatus.RESOLVED, plan(TaskStatus.COMPLETED)));
        assertThat(commandsAt(26, incident(IncidentStatus.RESOLVED, plan(TaskStatus.COMPLETED))))
                .containsExactly(new CloseIncidentCommand(ID));
        commandsAt(27, incident(IncidentStatus.CLOSED, plan(TaskStatus.COMPLETED)));
        assertThat(drill.finished()).isTrue();
    }

    @Test
    void withoutAResponsePlanTheDrillPlaysTheLifecycleAlone() {
        commandsAt(4, incident(IncidentStatus.CONFIRMED, List.of()));
        assertThat(commandsAt(10, incident(IncidentStatus.CONFIRMED, List.of()))).hasSize(2);   // cordon and note
        assertThat(commandsAt(23, incident(IncidentStatus.CONFIRMED, List.of()))).isEmpty();
        assertThat(commandsAt(24, incident(IncidentStatus.CONFIRMED, List.of())))
                .contains(new ContainIncidentCommand(ID));
    }
}
